package com.ipexpert.edge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.edge.errors.ApiErrorWriter;
import com.ipexpert.edge.ratelimits.RateLimitFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.CorsFilter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static com.ipexpert.api.identity.Requester.ADMIN;
import static com.ipexpert.api.identity.Requester.ANALYST;
import static com.ipexpert.api.identity.Requester.AUDITOR;
import static com.ipexpert.api.identity.Requester.USER;

/**
 * Stateless security, denying by default: every endpoint is listed below with the roles that may call it (the
 * controllers and aggregates then check ownership); a request to anything not listed is answered 404 before any
 * handler runs. Refusals speak the API error shape.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class WebSecurity {
    /** A role only API keys hold: it reads the operations endpoints ({@code /actuator/**}), e.g. for a Prometheus scraper. */
    public static final String MONITORING = "monitoring";
    private static final String[] ANY_USER = {USER, ADMIN, AUDITOR, ANALYST};
    private static final String UNLISTED = WebSecurity.class.getName() + ".unlisted";

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
    RevokedTokens revokedTokens(JdbcClient jdbc, Clock clock) {
        return new RevokedTokens(jdbc, clock);
    }

    @Bean
    ApiKeys apiKeys(JdbcClient jdbc, Clock clock) {
        return new ApiKeys(jdbc, clock);
    }

    /**
     * No observation per security filter, authentication and authorization: they wrapped every filter of every request
     * and cost as much as reading a case. {@code http.server.requests} still times each request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    WebSecurityCustomizer quickFirewall() {
        return web -> web.httpFirewall(QuickFirewall.strict());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    BearerTokenFilter bearerTokenFilter(TokenService tokens, RevokedTokens revoked, ApiKeys apiKeys, ApiErrorWriter errors) {
        return new BearerTokenFilter(tokens, revoked, apiKeys, errors);
    }

    /** The filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** Picked up by name by the security chain's {@code cors()}; not registered a second time as a servlet filter. */
    @Bean
    CorsFilter corsFilter(@Value("${ipexpert.cors.allowed-origins:}") List<String> allowedOrigins, ApiErrorWriter errors) {
        return CorsPolicy.filter(allowedOrigins, errors);
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsFilter filter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, BearerTokenFilter bearer, RateLimitFilter rateLimits,
                               ApiErrorWriter errors) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .cors(cors -> {
                })
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(WebSecurity::endpoints)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            if (!unlisted(request, response, errors)) errors.write(response, ErrorKind.UNAUTHORIZED,
                                    "Log in first: this endpoint needs a bearer token");
                        })
                        .accessDeniedHandler((request, response, ex) -> {
                            if (!unlisted(request, response, errors)) errors.write(response, ErrorKind.FORBIDDEN,
                                    "Your role does not allow this");
                        }))
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(rateLimits, BearerTokenFilter.class)
                .build();
    }

    /** Every endpoint the application serves, with who may call it. Anything else is denied. */
    private static void endpoints(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth
                // the dispatch that ends a streamed answer (NDJSON export, SSE) was authorised when it began
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers("/error").permitAll()
                // accounts and machine clients
                .requestMatchers(HttpMethod.POST, "/api/v1/auth/login").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/auth/me").hasAnyRole(ANY_USER)
                .requestMatchers(HttpMethod.POST, "/api/v1/auth/logout").hasAnyRole(ANY_USER)
                .requestMatchers(HttpMethod.GET, "/api/v1/users").hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/users").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/v1/admin/api-keys").hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/admin/api-keys").hasRole(ADMIN)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/admin/api-keys/*").hasRole(ADMIN)
                // cases: any user reads (ownership is checked by the query), users and admins change
                .requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/*", "/api/v1/cases/*/nodes/*",
                        "/api/v1/cases/*/stream", "/api/v1/cases/*/similar").hasAnyRole(ANY_USER)
                .requestMatchers(HttpMethod.POST, "/api/v1/cases", "/api/v1/cases/*/interactions",
                        "/api/v1/cases/*/feedback", "/api/v1/cases/*/close", "/api/v1/cases/*/nodes/*/retry",
                        "/api/v1/cases/*/reopen")
                .hasAnyRole(USER, ADMIN)
                // knowledge
                .requestMatchers(HttpMethod.GET, "/api/v1/knowledge/documents", "/api/v1/knowledge/documents/*",
                        "/api/v1/knowledge/documents/*/stream", "/api/v1/knowledge/search",
                        "/api/v1/knowledge/documents/*/chunks", "/api/v1/knowledge/documents/*/chunks/*").hasAnyRole(ANY_USER)
                .requestMatchers(HttpMethod.PATCH, "/api/v1/knowledge/documents/*/chunks/*").hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/knowledge/documents/*/chunks/*/split",
                        "/api/v1/knowledge/documents/*/chunks/*/merge-next").hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/knowledge/documents").hasRole(ADMIN)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/knowledge/documents/*").hasRole(ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/v1/knowledge/documents/*/reparse").hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/admin/knowledge/reindex").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/v1/admin/knowledge/index").hasRole(ADMIN)
                // statistics, feedback review, audit, operations
                .requestMatchers(HttpMethod.GET, "/api/v1/statistics", "/api/v1/statistics/cases").hasAnyRole(ANALYST, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/v1/feedback").hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/feedback/*/review").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/v1/audit/cases", "/api/v1/audit/cases/*",
                        "/api/v1/audit/cases/*/events", "/api/v1/audit/cases/*/export", "/api/v1/audit/cases/*/verify")
                .hasAnyRole(AUDITOR, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/v1/admin/projections").hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/admin/projections/*/rebuild").hasRole(ADMIN)
                // operators: health (liveness, readiness) and info for anyone, the rest for admins and monitoring keys
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/**").hasAnyRole(ADMIN, MONITORING)
                // the API's own description
                .requestMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**").permitAll()
                .anyRequest().access((authentication, context) -> {
                    context.getRequest().setAttribute(UNLISTED, Boolean.TRUE);
                    return new AuthorizationDecision(false);
                });
    }

    /** A request to an endpoint that is not listed names no resource: 404, whoever asks. */
    private static boolean unlisted(HttpServletRequest request, HttpServletResponse response, ApiErrorWriter errors)
            throws IOException {
        if (request.getAttribute(UNLISTED) == null) return false;
        errors.write(response, ErrorKind.NOT_FOUND, "No such endpoint");
        return true;
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
