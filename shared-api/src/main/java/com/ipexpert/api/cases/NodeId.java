package com.ipexpert.api.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one node of a case graph; serialised as its bare string value. */
public record NodeId(String value) {
    public NodeId {
        Objects.requireNonNull(value, "node id");
    }

    @JsonCreator
    public static NodeId of(String value) {
        return new NodeId(value);
    }

    public static NodeId random() {
        return new NodeId(UUID.randomUUID().toString());
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
