package com.ipexpert.edge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.edge.errors.ApiErrorWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import java.nio.file.Path;
import java.time.Clock;

/** Stateless bearer-token security: every API endpoint but login needs a token; refusals speak the API error shape. */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class WebSecurity {

    @Bean
    ApiErrorWriter apiErrorWriter(ObjectMapper json) {
        return new ApiErrorWriter(json);
    }

    @Bean
    TokenService tokenService(SecuritySettings settings, @Value("${ipexpert.data-dir:./data}") Path dataDir,
                              Clock clock) {
        return new TokenService(TokenService.resolveKey(settings.jwtSecret(), dataDir.resolve("jwt.key")),
                settings.tokenTtl(), clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    BearerTokenFilter bearerTokenFilter(TokenService tokens, ApiErrorWriter errors) {
        return new BearerTokenFilter(tokens, errors);
    }

    /** The filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, BearerTokenFilter bearer, ApiErrorWriter errors) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .cors(cors -> {
                })
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // the dispatch that ends a streamed answer (NDJSON export, SSE) was authorised when it began
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/api/v1/auth/login").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/**", "/actuator/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> errors.write(response,
                                ErrorKind.UNAUTHORIZED, "Log in first: this endpoint needs a bearer token"))
                        .accessDeniedHandler((request, response, ex) -> errors.write(response,
                                ErrorKind.FORBIDDEN, "Your role does not allow this")))
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .build();
    }

    /**
     * The application's clock ticks in microseconds: the precision PostgreSQL keeps, so a time in an event and the
     * same time read back from a read model are equal.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
    }
}
