package com.ipexpert.api.cases;

import java.util.List;

/**
 * How one analysis step retrieves knowledge: {@code weight} is the share of semantic against keyword
 * ranking (0..1), {@code filterTags} restricts retrieval to knowledge carrying those tags.
 */
public record RetrievalSettings(double weight, List<String> filterTags) {
    public static final double DEFAULT_WEIGHT = 0.7;

    public RetrievalSettings {
        if (Double.isNaN(weight) || weight < 0 || weight > 1) {
            throw new IllegalArgumentException("retrieval weight must be between 0 and 1");
        }
        filterTags = filterTags == null ? List.of() : List.copyOf(filterTags);
    }

    public static RetrievalSettings defaults() {
        return new RetrievalSettings(DEFAULT_WEIGHT, List.of());
    }
}
