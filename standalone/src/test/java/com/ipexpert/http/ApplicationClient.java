package com.ipexpert.http;

import org.springframework.boot.test.web.server.LocalServerPort;

/** What an HTTP test speaks to the running application with: its port, and clients logged in as someone. */
public abstract class ApplicationClient {
    protected static final String ADMIN_PASSWORD = "admin-secret-123";
    /** The one origin browser clients may call the API from in these tests. */
    protected static final String ALLOWED_ORIGIN = "http://console.test";

    @LocalServerPort
    protected int port;

    protected Api anonymous() {
        return new Api(port);
    }

    protected Api admin() {
        return anonymous().as("admin", ADMIN_PASSWORD);
    }

    /** A new user with the given roles, logged in. */
    protected Api newUser(String... roles) {
        String name = "u" + Long.toHexString(System.nanoTime());
        Api.Response created = admin().post("/api/v1/users", java.util.Map.of("username", name, "email", name + "@example.com",
                "password", "password-123", "roles", java.util.List.of(roles)));
        if (created.status() != 201) throw new IllegalStateException("user not created: " + created.raw());
        return anonymous().as(name, "password-123");
    }
}
