package com.ipexpert.edge.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.errors.ErrorKind;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Bounds on a JSON value a client may have stored forever (an interaction's {@code response}, a feedback's
 * {@code corrected_solution}): nested at most {@code maxDepth} deep (else 400) and at most {@code maxBytes} as JSON
 * (else 413).
 */
public final class JsonBounds {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBounds() {
    }

    public static void check(String field, Object value, int maxBytes, int maxDepth) {
        int depth = depth(value, 0, maxDepth);
        if (depth > maxDepth) {
            throw ApiException.badRequest(field + " is nested too deeply (at most " + maxDepth + " levels)");
        }
        if (size(value) > maxBytes) {
            throw new ApiException(ErrorKind.PAYLOAD_TOO_LARGE, field + " is too large (at most " + maxBytes / 1024 + " KB as JSON)");
        }
    }

    /** The value as JSON text. */
    public static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the value cannot be written as JSON");
        }
    }

    private static int size(Object value) {
        return text(value).getBytes(StandardCharsets.UTF_8).length;
    }

    /** Depth of the value (a scalar is 0), counting no further than one past {@code limit}. */
    private static int depth(Object value, int at, int limit) {
        if (at > limit) return at;
        int deepest = at;
        if (value instanceof Map<?, ?> map) {
            for (Object v : map.values()) deepest = Math.max(deepest, depth(v, at + 1, limit));
            return Math.max(deepest, at + 1);
        }
        if (value instanceof Collection<?> list) {
            for (Object v : list) deepest = Math.max(deepest, depth(v, at + 1, limit));
            return Math.max(deepest, at + 1);
        }
        return at;
    }
}
