package com.ipexpert.api.errors;

/** The kinds of refusal the REST contract knows, each with its HTTP status. */
public enum ErrorKind {
    INVALID_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409),
    PAYLOAD_TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), RATE_LIMITED(429), INTERNAL_ERROR(500),
    /** Not ready yet or nobody there to answer; try again shortly. */
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ErrorKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
