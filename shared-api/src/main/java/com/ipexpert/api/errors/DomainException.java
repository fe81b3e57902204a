package com.ipexpert.api.errors;

/**
 * A business rule said no. Carries the kind of refusal and a message a user can act on; mapped once,
 * centrally, to the API's error shape. Crosses process boundaries as a command's error details.
 */
public class DomainException extends RuntimeException {
    private final ErrorKind kind;

    public DomainException(ErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }

    public static DomainException notFound(String message) {
        return new DomainException(ErrorKind.NOT_FOUND, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(ErrorKind.CONFLICT, message);
    }

    public static DomainException invalid(String message) {
        return new DomainException(ErrorKind.INVALID_REQUEST, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(ErrorKind.FORBIDDEN, message);
    }
}
