package com.ipexpert.edge.errors;

import com.ipexpert.api.errors.ErrorKind;

/** The error body for a bare HTTP status, for errors that arrive as a status rather than as an exception. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static ApiError forStatus(int status, String message) {
        return switch (status) {
            case 400 -> ApiError.of(ErrorKind.INVALID_REQUEST, or(message, "The request is not valid"));
            case 401 -> ApiError.of(ErrorKind.UNAUTHORIZED, or(message, "Log in first: this endpoint needs a bearer token"));
            case 403 -> ApiError.of(ErrorKind.FORBIDDEN, or(message, "Your role does not allow this"));
            case 404, 405 -> new ApiError(404, "error", new ApiError.Detail(ErrorKind.NOT_FOUND.name(), or(message, "No such endpoint")));
            case 409 -> ApiError.of(ErrorKind.CONFLICT, or(message, "The request conflicts with the current state"));
            case 413 -> ApiError.of(ErrorKind.PAYLOAD_TOO_LARGE, or(message, "The request body is larger than the server accepts"));
            case 414 -> new ApiError(414, "error", new ApiError.Detail("URI_TOO_LONG", or(message, "The request URL is longer than the server accepts")));
            case 415 -> ApiError.of(ErrorKind.UNSUPPORTED_MEDIA_TYPE, or(message, "This content type is not supported here"));
            case 429 -> ApiError.of(ErrorKind.RATE_LIMITED, or(message, "Too many requests; try again later"));
            case 431 -> new ApiError(431, "error", new ApiError.Detail("HEADER_TOO_LARGE", or(message, "The request headers are larger than the server accepts")));
            case 503 -> new ApiError(503, "error", new ApiError.Detail("UNAVAILABLE", or(message, "The service is not available right now")));
            default -> status >= 500
                    ? new ApiError(status, "error", new ApiError.Detail(ErrorKind.INTERNAL_ERROR.name(), or(message, "Something went wrong on our side")))
                    : new ApiError(status, "error", new ApiError.Detail(ErrorKind.INVALID_REQUEST.name(), or(message, "The request was refused")));
        };
    }

    private static String or(String message, String fallback) {
        return message == null || message.isBlank() ? fallback : message;
    }
}
