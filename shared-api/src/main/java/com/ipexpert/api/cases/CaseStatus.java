package com.ipexpert.api.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a case stands; spelled in lower case on the wire. */
public enum CaseStatus {
    OPEN, SOLVED, CLOSED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CaseStatus fromWire(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown case status: " + value));
    }

    public static Optional<CaseStatus> parse(String value) {
        if (value == null) return Optional.empty();
        return Arrays.stream(values()).filter(s -> s.wire().equalsIgnoreCase(value.trim())).findFirst();
    }
}
