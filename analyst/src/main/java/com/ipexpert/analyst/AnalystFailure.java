package com.ipexpert.analyst;

/**
 * An analysis step that could not produce a decision, and whether trying again may help: a rate limit, a server
 * error, a timeout or an unreadable reply may pass; a refused request or a rejected key will not. Its message is
 * written for the case's history and never holds a secret or the prompt.
 */
public class AnalystFailure extends RuntimeException {
    private final boolean retryable;

    public AnalystFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
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
