package com.ipexpert.api.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The engineer's verdict on a case: did the proposed solution work. */
public enum FeedbackOutcome {
    SOLVED, UNSOLVED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FeedbackOutcome fromWire(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown feedback outcome: " + value));
    }

    public static Optional<FeedbackOutcome> parse(String value) {
        if (value == null) return Optional.empty();
        return Arrays.stream(values()).filter(s -> s.wire().equalsIgnoreCase(value.trim())).findFirst();
    }
}
