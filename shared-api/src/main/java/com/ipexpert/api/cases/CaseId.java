package com.ipexpert.api.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a diagnosis case; serialised as its bare string value. */
public record CaseId(String value) {
    public CaseId {
        Objects.requireNonNull(value, "case id");
    }

    @JsonCreator
    public static CaseId of(String value) {
        return new CaseId(value);
    }

    public static CaseId random() {
        return new CaseId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon routes commands by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
