package com.ipexpert.command.accounts;

import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.edge.errors.RateLimitExceeded;
import com.ipexpert.edge.ratelimits.RateLimitSettings;
import com.ipexpert.edge.ratelimits.RateLimits;
import com.ipexpert.edge.security.AuthenticatedUser;
import com.ipexpert.edge.security.BearerTokenFilter;
import com.ipexpert.edge.security.RevokedTokens;
import com.ipexpert.edge.security.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Login with username and password for a bearer token; who am I. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth")
class AuthController {
    private static final Logger log = LoggerFactory.getLogger(AuthController.class);
    private static final String BAD_CREDENTIALS = "Wrong username or password";
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final RevokedTokens revoked;
    /**
     * Checked against when the username is unknown, so a login costs one BCrypt comparison whoever asks. Made at the
     * first such login, not while the application starts.
     */
    private final java.util.function.Supplier<String> dummyHash;

    private final RateLimits limits;
    private final RateLimitSettings limitSettings;

    AuthController(UserAccounts accounts, PasswordEncoder passwords, TokenService tokens, RevokedTokens revoked,
                   RateLimits limits, RateLimitSettings limitSettings) {
        this.limits = limits;
        this.limitSettings = limitSettings;
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.revoked = revoked;
        this.dummyHash = org.springframework.util.function.SingletonSupplier.of(() -> passwords.encode(java.util.UUID.randomUUID().toString()));
    }

    record LoginRequest(String username, String password) {
    }

    @PostMapping("/login")
    @Operation(summary = "Log in", description = "Answers {access_token, token_type, expires_in, user_info}; 401 alike for unknown user and wrong password.")
    Map<String, Object> login(@RequestBody LoginRequest request, HttpServletRequest http) {
        if (request == null || blank(request.username()) || blank(request.password())) {
            throw ApiException.badRequest("username and password are required");
        }
        String username = request.username().trim();
        String userKey = "login-user:" + username.toLowerCase(java.util.Locale.ROOT);
        String addressKey = "login-address:" + http.getRemoteAddr();
        refuseWhenLockedOut(limits.check(userKey, limitSettings.loginFailures()));
        refuseWhenLockedOut(limits.check(addressKey, limitSettings.loginFailuresPerAddress()));
        Optional<UserAccounts.Account> found = accounts.byUsername(username);
        // the same BCrypt work for an unknown user as for a known one: timing does not tell which names exist
        boolean matches = passwords.matches(request.password(), found.map(UserAccounts.Account::passwordHash).orElseGet(dummyHash));
        if (found.isEmpty() || !matches) {
            log.info("Login refused for a {} username", found.isEmpty() ? "unknown" : "known");
            limits.use(userKey, limitSettings.loginFailures());
            limits.use(addressKey, limitSettings.loginFailuresPerAddress());
            throw new ApiException(ErrorKind.UNAUTHORIZED, BAD_CREDENTIALS);
        }
        AuthenticatedUser user = found.get().user();
        log.info("User {} logged in", user.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(user));
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.ttl().toSeconds());
        body.put("user_info", user.userInfo());
        return body;
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Log out (extension)", description = "Revokes the bearer token at once, on every instance; 204.")
    void logout(HttpServletRequest request, @AuthenticationPrincipal AuthenticatedUser user) {
        if (!(request.getAttribute(BearerTokenFilter.VERIFIED_TOKEN) instanceof TokenService.Verified token)) {
            throw ApiException.badRequest("Only a bearer token can be logged out; API keys are revoked by an administrator");
        }
        revoked.revoke(token.tokenId(), token.expiresAt());
        log.info("User {} logged out", user.id());
    }

    @GetMapping("/me")
    @Operation(summary = "The user behind the token", description = "Answers user_info = {id, username, email, roles}.")
    Map<String, Object> me(@AuthenticationPrincipal AuthenticatedUser user) {
        return user.userInfo();
    }

    private static void refuseWhenLockedOut(RateLimits.Verdict verdict) {
        if (!verdict.allowed()) {
            throw new RateLimitExceeded("Too many failed logins; try again in " + verdict.retryAfterSeconds() + " s",
                    verdict.retryAfterSeconds());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
