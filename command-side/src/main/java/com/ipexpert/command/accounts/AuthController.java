package com.ipexpert.command.accounts;

import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.edge.security.AuthenticatedUser;
import com.ipexpert.edge.security.TokenService;
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

/** Login with username and password for a bearer token; who am I. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth")
class AuthController {
    private static final String BAD_CREDENTIALS = "Wrong username or password";
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final TokenService tokens;

    AuthController(UserAccounts accounts, PasswordEncoder passwords, TokenService tokens) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    record LoginRequest(String username, String password) {
    }

    @PostMapping("/login")
    @Operation(summary = "Log in", description = "Answers {access_token, token_type, expires_in, user_info}; 401 alike for unknown user and wrong password.")
    Map<String, Object> login(@RequestBody LoginRequest request) {
        if (request == null || blank(request.username()) || blank(request.password())) {
            throw ApiException.badRequest("username and password are required");
        }
        UserAccounts.Account account = accounts.byUsername(request.username().trim())
                .filter(a -> passwords.matches(request.password(), a.passwordHash()))
                .orElseThrow(() -> new ApiException(ErrorKind.UNAUTHORIZED, BAD_CREDENTIALS));
        AuthenticatedUser user = account.user();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(user));
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.ttl().toSeconds());
        body.put("user_info", user.userInfo());
        return body;
    }

    @GetMapping("/me")
    @Operation(summary = "The user behind the token", description = "Answers user_info = {id, username, email, roles}.")
    Map<String, Object> me(@AuthenticationPrincipal AuthenticatedUser user) {
        return user.userInfo();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
