package com.ipexpert.edge.ratelimits;

import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.edge.errors.ApiError;
import com.ipexpert.edge.security.AuthenticatedUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Per-user limits on the requests that start work: opening a case, answering the agent, uploading a document.
 * Refused requests get 429 in the API error shape with {@code Retry-After}. Login is limited where the password is
 * checked (only failures count), not here.
 */
public class RateLimitFilter extends OncePerRequestFilter {
    private static final Pattern INTERACTION = Pattern.compile("/api/v1/cases/[^/]+/interactions");
    private final RateLimits limits;
    private final RateLimitSettings settings;
    private final ObjectMapper json;

    public RateLimitFilter(RateLimits limits, RateLimitSettings settings, ObjectMapper json) {
        this.limits = limits;
        this.settings = settings;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                RateLimits.Verdict verdict = null;
                String what = null;
                if ("/api/v1/cases".equals(path)) {
                    verdict = limits.use("cases:" + user.id(), settings.caseOpenings());
                    what = "cases opened";
                } else if (INTERACTION.matcher(path).matches()) {
                    verdict = limits.use("interactions:" + user.id(), settings.interactions());
                    what = "answers";
                } else if ("/api/v1/knowledge/documents".equals(path)) {
                    verdict = limits.use("uploads:" + user.id(), settings.uploads());
                    what = "uploads";
                }
                if (verdict != null && !verdict.allowed()) {
                    response.setStatus(429);
                    response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
                    response.setContentType("application/json;charset=UTF-8");
                    json.writeValue(response.getOutputStream(), ApiError.of(ErrorKind.RATE_LIMITED,
                            "Too many " + what + "; try again in " + verdict.retryAfterSeconds() + " s"));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
