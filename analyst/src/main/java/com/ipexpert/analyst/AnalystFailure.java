package com.ipexpert.analyst;

import java.util.Map;

/**
 * An analysis step that could not produce a decision, and whether trying again may help: a rate limit, a server
 * error, a timeout or an unreadable reply may pass; a refused request or a rejected key will not. Its message is
 * written for the case's history and never holds a secret or the prompt.
 */
public class AnalystFailure extends RuntimeException {
    private final boolean retryable;
    private final transient Map<String, Object> trace;

    public AnalystFailure(String message, boolean retryable, Throwable cause) {
        this(message, retryable, cause, Map.of());
    }

    private AnalystFailure(String message, boolean retryable, Throwable cause, Map<String, Object> trace) {
        super(message, cause);
        this.retryable = retryable;
        this.trace = trace == null ? Map.of() : Map.copyOf(trace);
    }

    /** The same failure, carrying what the step did before it failed (its model calls and their cost). */
    public AnalystFailure withTrace(Map<String, Object> trace) {
        AnalystFailure copy = new AnalystFailure(getMessage(), retryable, getCause(), trace);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** What the failed step did before it failed, for its record; empty when it did nothing worth recording. */
    public Map<String, Object> trace() {
        return trace;
    }

    public static AnalystFailure retryable(String message, Throwable cause) {
        return new AnalystFailure(message, true, cause);
    }

    public static AnalystFailure notRetryable(String message, Throwable cause) {
        return new AnalystFailure(message, false, cause);
    }

    /** Whether another attempt of the same step may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
