package com.ipexpert.edge.deployment;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a side of the distributed stack refuses to start without: a JWT secret and an audit chain key every instance
 * shares (each at least 32 bytes that look random, never a sample value), and, when it talks to Axon Server, the access
 * token. Without a shared chain key each instance would generate its own, and events sealed by one would not verify
 * with another's. The embedded jar generates its own keys instead and does not use this check.
 */
public final class DistributedSecrets implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    static final String JWT_SECRET = "ipexpert.security.jwt-secret";
    static final String CHAIN_KEY = "ipexpert.audit.chain-key";
    static final String AXON_SERVER_ENABLED = "axon.axonserver.enabled";
    static final String AXON_SERVER_TOKEN = "axon.axonserver.token";
    private static final int MIN_BYTES = 32;
    /** Fewer distinct characters than this in 32+ bytes is a typed phrase or a repeated pattern, not a random key. */
    private static final int MIN_DISTINCT = 16;
    /** Words of sample secrets published in docs and compose files. */
    private static final List<String> SAMPLE_WORDS = List.of("change-me", "changeme", "secret", "password", "example");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        List<String> problems = problems(context.getEnvironment());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("This side of the distributed stack will not start: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        jwtSecretProblem(environment.getProperty(JWT_SECRET)).ifPresent(problems::add);
        secretProblem("IPEXPERT_AUDIT_CHAIN_KEY", environment.getProperty(CHAIN_KEY)).ifPresent(problems::add);
        if (environment.getProperty(AXON_SERVER_ENABLED, Boolean.class, true)) {
            String token = environment.getProperty(AXON_SERVER_TOKEN);
            if (token == null || token.isBlank()) {
                problems.add("Axon Server access needs a token: set AXON_AXONSERVER_TOKEN to the token Axon Server is "
                        + "configured with (axoniq.axonserver.accesscontrol.token)");
            }
        }
        return problems;
    }

    static java.util.Optional<String> jwtSecretProblem(String secret) {
        return secretProblem("IPEXPERT_JWT_SECRET", secret);
    }

    static java.util.Optional<String> secretProblem(String name, String secret) {
        String hint = " (generate one with: openssl rand -base64 48)";
        if (secret == null || secret.isBlank()) {
            return java.util.Optional.of(name + " is not set; every instance must share one" + hint);
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            return java.util.Optional.of(name + " is shorter than " + MIN_BYTES + " bytes" + hint);
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        if (SAMPLE_WORDS.stream().anyMatch(lower::contains) || secret.chars().distinct().count() < MIN_DISTINCT) {
            return java.util.Optional.of(name + " looks like a sample or typed value, not random bytes" + hint);
        }
        return java.util.Optional.empty();
    }
}
