package com.ipexpert.http;

import com.ipexpert.IpExpertApplication;
import com.ipexpert.TestDatabase;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the HTTP tests: the whole application on a fresh PostgreSQL database, on a random port, spoken to
 * over real HTTP. One application serves every test class that extends this.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = {IpExpertApplication.class, FaultInjection.class, TestClock.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApplicationTest {
    protected static final String ADMIN_PASSWORD = "admin-secret-123";
    /** The one origin browser clients may call the API from in these tests. */
    protected static final String ALLOWED_ORIGIN = "http://console.test";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("ipexpert-test-");
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("ipexpert.data-dir", dataDir::toString);
        registry.add("ipexpert.security.admin-password", () -> ADMIN_PASSWORD);
        registry.add("ipexpert.security.jwt-secret", () -> "test-secret-test-secret-test-secret-0123456789");
        registry.add("ipexpert.agent.step-timeout", () -> "3s");
        registry.add("ipexpert.agent.max-attempts", () -> "2");
        registry.add("ipexpert.agent.initial-backoff", () -> "200ms");
        registry.add("ipexpert.deadlines.polling-interval", () -> "200ms");
        registry.add("ipexpert.cors.allowed-origins", () -> ALLOWED_ORIGIN);
        // OCR is off in the test application whether or not this machine has Tesseract: uploads that need it are refused
        registry.add("ipexpert.knowledge.ocr-command", () -> "/nonexistent/tesseract");
    }

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
