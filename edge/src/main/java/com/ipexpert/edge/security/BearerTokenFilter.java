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

/**
 * Authenticates a request from its {@code Authorization} header: {@code Bearer <token>} (a user's login, refused once
 * logged out) or {@code ApiKey <key>} (a machine client). A bad token or key is a 401; no header is left to the rules.
 */
public class BearerTokenFilter extends OncePerRequestFilter {
    /** Request attribute holding the {@link TokenService.Verified} token, for logout. */
    public static final String VERIFIED_TOKEN = BearerTokenFilter.class.getName() + ".token";
    private final TokenService tokens;
    private final RevokedTokens revoked;
    private final ApiKeys apiKeys;
    private final ApiErrorWriter errors;

    public BearerTokenFilter(TokenService tokens, RevokedTokens revoked, ApiKeys apiKeys, ApiErrorWriter errors) {
        this.tokens = tokens;
        this.revoked = revoked;
        this.apiKeys = apiKeys;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<TokenService.Verified> token = tokens.verifyToken(header.substring(7).trim());
            if (token.isEmpty() || revoked.isRevoked(token.get().tokenId())) {
                errors.write(response, ErrorKind.UNAUTHORIZED, "The token is invalid, expired or logged out; log in again");
                return;
            }
            request.setAttribute(VERIFIED_TOKEN, token.get());
            authenticate(token.get().user());
        } else if (header != null && header.regionMatches(true, 0, "ApiKey ", 0, 7)) {
            Optional<ApiKeys.ApiKey> key = apiKeys.authenticate(header.substring(7).trim());
            if (key.isEmpty()) {
                errors.write(response, ErrorKind.UNAUTHORIZED, "The API key is unknown, revoked or expired");
                return;
            }
            authenticate(key.get().user());
        }
        chain.doFilter(request, response);
    }

    private static void authenticate(AuthenticatedUser user) {
        var authorities = user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        var authentication = new UsernamePasswordAuthenticationToken(user, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }
}
