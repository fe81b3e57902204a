package com.ipexpert.edge.security;

import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.edge.errors.ApiErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/** Authenticates a request from its {@code Authorization: Bearer} header; a bad token is a 401, no token is left to the rules. */
public class BearerTokenFilter extends OncePerRequestFilter {
    private final TokenService tokens;
    private final ApiErrorWriter errors;

    public BearerTokenFilter(TokenService tokens, ApiErrorWriter errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<AuthenticatedUser> user = tokens.verify(header.substring(7).trim());
            if (user.isEmpty()) {
                errors.write(response, ErrorKind.UNAUTHORIZED, "The token is invalid or has expired; log in again");
                return;
            }
            var authorities = user.get().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
            var authentication = new UsernamePasswordAuthenticationToken(user.get(), null, authorities);
            SecurityContextHolder.getContext().setAuthentication(authentication);
        }
        chain.doFilter(request, response);
    }
}
