package com.ipexpert.command.accounts;

import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.api.identity.Requester;
import com.ipexpert.edge.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Administrators create and list users. (extension) */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('admin')")
@Tag(name = "Users (extension)")
class UserController {
    static final Set<String> ROLES = Set.of(Requester.USER, Requester.ADMIN, Requester.AUDITOR, Requester.ANALYST);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    UserController(UserAccounts accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    record NewUser(String username, String email, String password, List<String> roles) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (admin)", description = "Body {username, email, password, roles}; roles from user, admin, auditor, analyst (default user). 409 when the username is taken.")
    Map<String, Object> create(@RequestBody NewUser request) {
        if (request == null || request.username() == null || !USERNAME.matcher(request.username().trim()).matches()) {
            throw ApiException.badRequest("username must be 3 to 64 letters, digits or . _ @ -");
        }
        if (request.email() != null && !request.email().isBlank() && !EMAIL.matcher(request.email().trim()).matches()) {
            throw ApiException.badRequest("email is not a valid address");
        }
        if (request.password() == null || request.password().length() < 8) {
            throw ApiException.badRequest("password must be at least 8 characters");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : request.roles() == null || request.roles().isEmpty() ? List.of(Requester.USER) : request.roles()) {
            String r = role == null ? "" : role.trim().toLowerCase(java.util.Locale.ROOT);
            if (!ROLES.contains(r)) throw ApiException.badRequest("unknown role '" + role + "'; use user, admin, auditor or analyst");
            roles.add(r);
        }
        UserAccounts.Account account = new UserAccounts.Account(UUID.randomUUID().toString(), request.username().trim(),
                request.email() == null ? null : request.email().trim(), passwords.encode(request.password()),
                List.copyOf(roles), clock.instant());
        if (!accounts.add(account)) {
            throw new ApiException(ErrorKind.CONFLICT, "username '" + account.username() + "' is taken");
        }
        return account.user().userInfo();
    }

    @GetMapping
    @Operation(summary = "List users (admin)")
    List<Map<String, Object>> list() {
        return accounts.all().stream().map(a -> a.user().userInfo()).toList();
    }
}
