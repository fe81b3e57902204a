package com.ipexpert.api.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a knowledge document; serialised as its bare string value. */
public record DocumentId(String value) {
    public DocumentId {
        Objects.requireNonNull(value, "document id");
    }

    @JsonCreator
    public static DocumentId of(String value) {
        return new DocumentId(value);
    }

    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID().toString());
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
