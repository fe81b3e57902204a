package com.ipexpert.edge.security;

import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.edge.errors.ApiErrorWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Cross-origin access for browser clients served from the origins in {@code ipexpert.cors.allowed-origins}: their
 * preflights are answered, their requests carry the CORS headers. A cross-origin request from any other origin is
 * refused with 403 in the API error shape (none are allowed when the list is empty).
 */
public final class CorsPolicy {
    private CorsPolicy() {
    }

    public static CorsFilter filter(List<String> allowedOrigins, ApiErrorWriter errors) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(allowedOrigins == null ? List.of() : allowedOrigins.stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Correlation-Id", "Last-Event-ID"));
        config.setExposedHeaders(List.of("X-Correlation-Id", "Retry-After"));
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
                errors.write(servlet, ErrorKind.FORBIDDEN, "Cross-origin requests from this origin are not allowed");
            }
        });
        return filter;
    }
}
