package com.ipexpert.api.identity;

import java.util.Set;

/** Who asks for a change: the authenticated user and their roles, carried in commands so aggregates decide without I/O. */
public record Requester(String userId, Set<String> roles) {
    public static final String ADMIN = "admin";
    public static final String USER = "user";
    public static final String AUDITOR = "auditor";
    public static final String ANALYST = "analyst";

    public Requester {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
