package com.ipexpert.command.agent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the agent runs its analysis steps, under {@code ipexpert.agent}.
 *
 * @param stepTimeout    how long one attempt may take before it counts as failed
 * @param maxAttempts    attempts per run before the node is FAILED
 * @param initialBackoff wait before the second attempt; doubles for each further attempt
 * @param maxBackoff     the longest wait between attempts
 * @param workerThreads  analysis steps run at once in this process
 */
@ConfigurationProperties("ipexpert.agent")
public record AgentSettings(@DefaultValue("60s") Duration stepTimeout, @DefaultValue("3") int maxAttempts,
                            @DefaultValue("2s") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff,
                            @DefaultValue("2") int workerThreads) {
    public AgentSettings {
        if (stepTimeout.isNegative() || stepTimeout.isZero()) throw new IllegalArgumentException("ipexpert.agent.step-timeout must be positive");
        if (maxAttempts < 1) throw new IllegalArgumentException("ipexpert.agent.max-attempts must be at least 1");
        if (workerThreads < 1) throw new IllegalArgumentException("ipexpert.agent.worker-threads must be at least 1");
    }

    /** The wait before attempt {@code nextAttempt} (2, 3, ...). */
    public Duration backoffBefore(int nextAttempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(20, Math.max(0, nextAttempt - 2)));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
