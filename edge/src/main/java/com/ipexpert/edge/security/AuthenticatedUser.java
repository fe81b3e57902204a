package com.ipexpert.edge.security;

import com.ipexpert.api.identity.Requester;

import java.util.List;
import java.util.Map;

/** The user a bearer token speaks for; also the {@code user_info} shape of the auth endpoints. */
public record AuthenticatedUser(String id, String username, String email, List<String> roles) {
    public AuthenticatedUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public Requester requester() {
        return new Requester(id, java.util.Set.copyOf(roles));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Map<String, Object> userInfo() {
        return Map.of("id", id, "username", username, "email", email == null ? "" : email, "roles", roles);
    }
}
