package com.ipexpert.api.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An administrator's verdict on feedback: {@code approve} or {@code reject} on the wire. */
public enum ReviewDecision {
    APPROVE, REJECT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ReviewDecision fromWire(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown review decision: " + value));
    }

    public static Optional<ReviewDecision> parse(String value) {
        if (value == null) return Optional.empty();
        return Arrays.stream(values()).filter(s -> s.wire().equalsIgnoreCase(value.trim())).findFirst();
    }

    /** The review status this decision leaves the feedback in. */
    public String reviewStatus() {
        return this == APPROVE ? "approved" : "rejected";
    }
}
