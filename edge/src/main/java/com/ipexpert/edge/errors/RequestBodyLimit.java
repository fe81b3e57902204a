package com.ipexpert.edge.errors;

import com.ipexpert.api.errors.ErrorKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A JSON request body larger than 1 MB is refused with 413 before it is read (uploads are multipart and bounded by
 * {@code spring.servlet.multipart}), unless a {@link JsonBodyAllowance} allows that request more. A body sent
 * without a Content-Length (chunked) is refused with 413 as soon as reading it passes the same limit.
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
        long length = request.getContentLengthLong();
        // Without a Content-Length, an HTTP/1.1 body comes with Transfer-Encoding (chunked); a GET has neither.
        boolean unannounced = length < 0 && request.getHeader("Transfer-Encoding") != null;
        if (multipart || (length <= MAX_JSON_BYTES && !unannounced)) {
            chain.doFilter(request, response);
            return;
        }
        long allowed = MAX_JSON_BYTES;
        for (JsonBodyAllowance allowance : allowances) allowed = Math.max(allowed, allowance.maxBytes(request));
        if (length > allowed) {
            errors.write(response, ErrorKind.PAYLOAD_TOO_LARGE, tooLarge(allowed));
            return;
        }
        // A chunked body is counted as it is read, and refused once it passes the limit.
        chain.doFilter(unannounced ? new BoundedBody(request, allowed) : request, response);
    }

    private static String tooLarge(long allowed) {
        return "The request body is larger than " + megabytes(allowed);
    }

    /**
     * A body whose length was not announced, read through a count: past {@code allowed} bytes the read fails with
     * {@link BodyTooLarge}, which the API answers 413 (see {@code ApiExceptionHandler}).
     */
    private static final class BoundedBody extends HttpServletRequestWrapper {
        private final long allowed;
        private ServletInputStream bounded;

        BoundedBody(HttpServletRequest request, long allowed) {
            super(request);
            this.allowed = allowed;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) bounded = new Counted(super.getInputStream(), allowed);
            return bounded;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }

    private static final class Counted extends ServletInputStream {
        private final ServletInputStream body;
        private final long allowed;
        private long read;

        Counted(ServletInputStream body, long allowed) {
            this.body = body;
            this.allowed = allowed;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > allowed) throw new BodyTooLarge(tooLarge(allowed));
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }

    /** A body without a Content-Length grew past what the request may carry. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge(String message) {
            super(message);
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
