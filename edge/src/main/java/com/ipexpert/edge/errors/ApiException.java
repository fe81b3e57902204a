package com.ipexpert.edge.errors;

import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;

/** A refusal raised by the HTTP layer itself (bad input, missing rights); answered in the API's error shape. */
public class ApiException extends DomainException {
    public ApiException(ErrorKind kind, String message) {
        super(kind, message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ErrorKind.INVALID_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorKind.NOT_FOUND, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorKind.FORBIDDEN, message);
    }
}
