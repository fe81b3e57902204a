package com.ipexpert.retrieval.index;

import java.util.List;

/**
 * A search.
 *
 * @param text   the question as the user wrote it, any language
 * @param weight share of semantic against keyword ranking, 0..1
 * @param tags   only chunks of documents carrying at least one of these tags; empty for all
 * @param vendor only chunks of documents of this vendor (case-insensitive); null or blank for all
 * @param k      how many hits to return, 1..100
 */
public record KnowledgeQuery(String text, double weight, List<String> tags, String vendor, int k) {

    public KnowledgeQuery {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the query text must not be empty");
        if (Double.isNaN(weight) || weight < 0 || weight > 1) {
            throw new IllegalArgumentException("weight must be between 0 and 1");
        }
        if (k < 1 || k > 100) throw new IllegalArgumentException("k must be between 1 and 100");
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        vendor = vendor == null || vendor.isBlank() ? null : vendor.strip();
    }

    public static KnowledgeQuery of(String text, double weight, int k) {
        return new KnowledgeQuery(text, weight, List.of(), null, k);
    }

    public KnowledgeQuery withWeight(double newWeight) {
        return new KnowledgeQuery(text, newWeight, tags, vendor, k);
    }
}
