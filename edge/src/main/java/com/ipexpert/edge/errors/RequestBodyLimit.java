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
import java.util.List;

/**
 * A JSON request body larger than 1 MB is refused with 413 before it is read (uploads are multipart and bounded by
 * {@code spring.servlet.multipart}), unless a {@link JsonBodyAllowance} allows that request more.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestBodyLimit extends OncePerRequestFilter {
    public static final long MAX_JSON_BYTES = 1024 * 1024;
    private final ApiErrorWriter errors;
    private final List<JsonBodyAllowance> allowances;

    public RequestBodyLimit(ApiErrorWriter errors) {
        this(errors, List.of());
    }

    public RequestBodyLimit(ApiErrorWriter errors, List<JsonBodyAllowance> allowances) {
        this.errors = errors;
        this.allowances = List.copyOf(allowances);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > MAX_JSON_BYTES) {
            long allowed = MAX_JSON_BYTES;
            for (JsonBodyAllowance allowance : allowances) allowed = Math.max(allowed, allowance.maxBytes(request));
            if (request.getContentLengthLong() > allowed) {
                errors.write(response, ErrorKind.PAYLOAD_TOO_LARGE, "The request body is larger than " + megabytes(allowed));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
