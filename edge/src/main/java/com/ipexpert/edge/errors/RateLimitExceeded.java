package com.ipexpert.edge.errors;

import com.ipexpert.api.errors.ErrorKind;

/** Too many requests of one kind: 429, with the seconds to wait in a {@code Retry-After} header. */
public class RateLimitExceeded extends ApiException {
    private final long retryAfterSeconds;

    public RateLimitExceeded(String message, long retryAfterSeconds) {
        super(ErrorKind.RATE_LIMITED, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
