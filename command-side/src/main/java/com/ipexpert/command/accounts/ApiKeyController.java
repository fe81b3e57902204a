package com.ipexpert.command.accounts;

import com.ipexpert.api.identity.Requester;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.edge.security.ApiKeys;
import com.ipexpert.edge.security.AuthenticatedUser;
import com.ipexpert.edge.security.WebSecurity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Administrators issue, list and revoke API keys for machine clients. (extension) */
@RestController
@RequestMapping("/api/v1/admin/api-keys")
@PreAuthorize("hasRole('admin')")
@Tag(name = "API keys (extension)")
class ApiKeyController {
    private static final Logger log = LoggerFactory.getLogger(ApiKeyController.class);
    static final Set<String> ROLES = Set.of(Requester.USER, Requester.ADMIN, Requester.AUDITOR, Requester.ANALYST,
            WebSecurity.MONITORING);
    private static final Duration LONGEST = Duration.ofDays(366);
    private final ApiKeys keys;
    private final Clock clock;

    ApiKeyController(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    record NewKey(String name, List<String> roles, Instant expiresAt, Integer expiresInDays) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API key (admin)", description = "Body {name, roles, expiresAt | expiresInDays (default 90, at most 366 days)}; "
            + "answers the key's record and `key`, shown this once. Send it as `Authorization: ApiKey <key>`.")
    Map<String, Object> create(@RequestBody NewKey request, @AuthenticationPrincipal AuthenticatedUser admin) {
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw ApiException.badRequest("name is required (at most 100 characters)");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw ApiException.badRequest("roles are required: user, admin, auditor, analyst or monitoring");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : request.roles()) {
            String r = role == null ? "" : role.trim().toLowerCase(Locale.ROOT);
            if (!ROLES.contains(r)) throw ApiException.badRequest("unknown role '" + role + "'; use user, admin, auditor, analyst or monitoring");
            roles.add(r);
        }
        Instant now = clock.instant();
        Instant expiresAt = request.expiresAt() != null ? request.expiresAt()
                : now.plus(Duration.ofDays(request.expiresInDays() == null ? 90 : request.expiresInDays()));
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST))) {
            throw ApiException.badRequest("the key must expire in the future and within 366 days");
        }
        ApiKeys.Created created = keys.create(request.name().trim(), List.copyOf(roles), expiresAt, admin.id());
        log.info("API key {} created by {} with roles {}", created.key().id(), admin.id(), roles);
        Map<String, Object> body = view(created.key());
        body.put("key", created.secret());
        return body;
    }

    @GetMapping
    @Operation(summary = "List API keys (admin)", description = "[{id, name, prefix, roles, createdBy, createdAt, expiresAt, lastUsedAt, revokedAt, actor}]; never the key.")
    List<Map<String, Object>> list() {
        return keys.all().stream().map(ApiKeyController::view).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API key (admin)", description = "204; the key is refused from the next request on, by every instance. Unknown key → 404.")
    void revoke(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser admin) {
        if (!keys.revoke(id)) throw ApiException.notFound("No API key " + id);
        log.info("API key {} revoked by {}", id, admin.id());
    }

    private static Map<String, Object> view(ApiKeys.ApiKey key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", key.id());
        body.put("name", key.name());
        body.put("prefix", key.prefix());
        body.put("roles", key.roles());
        body.put("createdBy", key.createdBy());
        body.put("createdAt", key.createdAt());
        body.put("expiresAt", key.expiresAt());
        body.put("lastUsedAt", key.lastUsedAt());
        body.put("revokedAt", key.revokedAt());
        body.put("actor", ApiKeys.ACTOR_PREFIX + key.id());
        return body;
    }
}
