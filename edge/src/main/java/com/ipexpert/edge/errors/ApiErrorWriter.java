package com.ipexpert.edge.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.errors.ErrorKind;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the API error shape straight to a servlet response, for the places Spring MVC does not reach (security filters). */
public class ApiErrorWriter {
    private final ObjectMapper json;

    public ApiErrorWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Writes an error that no {@link ErrorKind} names (a 503 while the database is away). */
    public void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        if (response.isCommitted()) return;
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/json;charset=UTF-8");
        json.writeValue(response.getOutputStream(), error);
    }

    public void write(HttpServletResponse response, ErrorKind kind, String message) throws IOException {
        if (response.isCommitted()) return;
        response.setStatus(kind.status());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/json;charset=UTF-8");
        json.writeValue(response.getOutputStream(), ApiError.of(kind, message));
    }
}
