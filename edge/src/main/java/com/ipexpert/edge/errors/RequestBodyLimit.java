package com.ipexpert.edge.errors;

import com.ipexpert.api.errors.ErrorKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A JSON request body larger than 1 MB is refused with 413 before it is read (uploads are multipart and bounded by
 * {@code spring.servlet.multipart}).
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestBodyLimit extends OncePerRequestFilter {
    public static final long MAX_JSON_BYTES = 1024 * 1024;
    private final ApiErrorWriter errors;

    public RequestBodyLimit(ApiErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > MAX_JSON_BYTES) {
            errors.write(response, ErrorKind.PAYLOAD_TOO_LARGE, "The request body is larger than 1 MB");
            return;
        }
        chain.doFilter(request, response);
    }
}
