package com.ipexpert.command.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How documents are ingested, under {@code ipexpert.knowledge}.
 *
 * @param stepTimeout    how long one step (parse, or embed and index) may take before the attempt counts as failed
 * @param maxAttempts    attempts of one step before the document is FAILED
 * @param initialBackoff wait before the second attempt of a step; doubles for each further attempt
 * @param maxBackoff     the longest wait between attempts
 * @param workerThreads  ingestion steps run at once in this process (embedding is CPU-bound)
 */
@ConfigurationProperties("ipexpert.knowledge")
public record IngestionSettings(@DefaultValue("5m") Duration stepTimeout, @DefaultValue("3") int maxAttempts,
                                @DefaultValue("2s") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff,
                                @DefaultValue("1") int workerThreads) {
    public IngestionSettings {
        if (stepTimeout.isNegative() || stepTimeout.isZero()) throw new IllegalArgumentException("ipexpert.knowledge.step-timeout must be positive");
        if (maxAttempts < 1) throw new IllegalArgumentException("ipexpert.knowledge.max-attempts must be at least 1");
        if (workerThreads < 1) throw new IllegalArgumentException("ipexpert.knowledge.worker-threads must be at least 1");
    }

    /** The wait before the {@code nextAttempt}-th attempt (2, 3, ...) of a step. */
    public Duration backoffBefore(int nextAttempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(20, Math.max(0, nextAttempt - 2)));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
