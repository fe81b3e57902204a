package com.ipexpert.analyst.classification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link FaultClassifier} made of a text: the fault category, the vendor ({@code null} when the text does
 * not give it away), and the scores behind both, best first, with the words that earned them.
 */
public record Classification(FaultCategory category, Vendor vendor, Map<String, Score> categoryScores,
                             Map<String, Score> vendorScores) {

    public Classification {
        categoryScores = Collections.unmodifiableMap(new LinkedHashMap<>(categoryScores));
        vendorScores = Collections.unmodifiableMap(new LinkedHashMap<>(vendorScores));
    }

    /** A score and the text fragments that earned it, in the order the rules found them. */
    public record Score(int score, List<String> matched) {
        public Score {
            matched = List.copyOf(matched);
        }
    }

    /** The category label as stored and counted, e.g. "OSPF" or "interface/optics". */
    public String categoryName() {
        return category.label();
    }

    /** The vendor label ("Huawei", "Cisco", ...), or {@code null} when unknown. */
    public String vendorName() {
        return vendor == null ? null : vendor.label();
    }

    public boolean vendorKnown() {
        return vendor != null;
    }

    /** The words that decided the category, empty for "other". */
    public List<String> categoryKeywords() {
        Score s = categoryScores.get(category.label());
        return s == null ? List.of() : s.matched();
    }

    /** The clues that decided the vendor, empty when unknown. */
    public List<String> vendorClues() {
        if (vendor == null) return List.of();
        Score s = vendorScores.get(vendor.label());
        return s == null ? List.of() : s.matched();
    }

    /** Plain maps and lists, ready to go into an audit trace and through JSON. */
    public Map<String, Object> toTrace() {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("category", category.label());
        trace.put("vendor", vendorName());
        trace.put("categoryScores", scoresForTrace(categoryScores));
        trace.put("vendorScores", scoresForTrace(vendorScores));
        return trace;
    }

    private static Map<String, Object> scoresForTrace(Map<String, Score> scores) {
        Map<String, Object> out = new LinkedHashMap<>();
        scores.forEach((name, score) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("score", score.score());
            entry.put("matched", score.matched());
            out.put(name, entry);
        });
        return out;
    }
}
