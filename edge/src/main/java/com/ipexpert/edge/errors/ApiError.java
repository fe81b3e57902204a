package com.ipexpert.edge.errors;

import com.ipexpert.api.errors.ErrorKind;

/** The one error body every endpoint answers with: {@code {code, status: "error", error: {type, message}}}. */
public record ApiError(int code, String status, Detail error) {
    public record Detail(String type, String message) {
    }

    public static ApiError of(ErrorKind kind, String message) {
        return new ApiError(kind.status(), "error", new Detail(kind.name(), message));
    }
}
