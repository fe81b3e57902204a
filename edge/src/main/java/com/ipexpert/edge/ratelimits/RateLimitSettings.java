package com.ipexpert.edge.ratelimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Every rate limit of the application, in one place ({@code ipexpert.rate-limits}). A limit allows {@code capacity}
 * within each {@code window}; the whole capacity comes back when the window has passed.
 *
 * @param enabled             false switches every limit off (benchmarks)
 * @param loginFailures       failed logins per username
 * @param loginFailuresPerAddress failed logins per client address
 * @param caseOpenings        cases opened per user
 * @param interactions        answers to the agent per user
 * @param uploads             document uploads per administrator
 * @param modelCallsPerDay    analysis steps a user's cases may ask the language model for per UTC day; beyond it
 *                            the offline analyst answers
 */
@ConfigurationProperties("ipexpert.rate-limits")
public record RateLimitSettings(@DefaultValue("true") boolean enabled, Limit loginFailures,
                                Limit loginFailuresPerAddress, Limit caseOpenings, Limit interactions, Limit uploads,
                                @DefaultValue("500") int modelCallsPerDay) {

    public RateLimitSettings {
        loginFailures = or(loginFailures, 10, Duration.ofMinutes(5));
        loginFailuresPerAddress = or(loginFailuresPerAddress, 50, Duration.ofMinutes(5));
        caseOpenings = or(caseOpenings, 60, Duration.ofMinutes(1));
        interactions = or(interactions, 120, Duration.ofMinutes(1));
        uploads = or(uploads, 60, Duration.ofMinutes(1));
    }

    public record Limit(long capacity, Duration window) {
    }

    private static Limit or(Limit given, long capacity, Duration window) {
        if (given == null) return new Limit(capacity, window);
        return new Limit(given.capacity() > 0 ? given.capacity() : capacity, given.window() != null ? given.window() : window);
    }
}
