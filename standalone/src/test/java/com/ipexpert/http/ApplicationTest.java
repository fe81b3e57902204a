package com.ipexpert.http;

import com.ipexpert.IpExpertApplication;
import com.ipexpert.TestDatabase;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the HTTP tests: the whole application on a fresh PostgreSQL database, on a random port, spoken to
 * over real HTTP. One application serves every test class that extends this. A test class that needs the application
 * configured otherwise extends {@link ApplicationClient} with a database of its own ({@link #register}): two
 * applications on one database would both run the agent and the projections on the same events, each with its own
 * aggregate cache and data directory, and disturb each other's tests.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = {IpExpertApplication.class, FaultInjection.class, TestClock.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApplicationTest extends ApplicationClient {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        register(registry, TestDatabase.url());
    }

    /** The settings every test application shares, on the given database. */
    static void register(DynamicPropertyRegistry registry, String database) throws Exception {
        Path dataDir = Files.createTempDirectory("ipexpert-test-");
        registry.add("spring.datasource.url", () -> database);
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
}
