package com.ipexpert.api.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Map;
import java.util.Objects;

/**
 * The solution that worked, as the engineer gave it with their feedback: a text, or a JSON object kept as given
 * (plain JSON values: strings, numbers, booleans, lists and objects). It is written as that value itself, so a stored
 * event, a query answer and the API all show {@code "check MTU"} or {@code {"steps": [...]}}, never a wrapper.
 */
public record CorrectedSolution(@JsonValue Object value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CorrectedSolution {
        Objects.requireNonNull(value, "a corrected solution has a value");
    }

    public static CorrectedSolution text(String text) {
        return new CorrectedSolution(text);
    }

    public static CorrectedSolution object(Map<String, Object> object) {
        return new CorrectedSolution(object);
    }

    /** Given as a text (else as a JSON object). */
    public boolean isText() {
        return value instanceof String;
    }

    /** Nothing to learn from: a blank text or an empty object. */
    public boolean isBlank() {
        if (value instanceof String text) return text.isBlank();
        return value instanceof Map<?, ?> map && map.isEmpty();
    }
}
