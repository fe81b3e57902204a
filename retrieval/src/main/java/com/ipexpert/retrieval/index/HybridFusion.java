package com.ipexpert.retrieval.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the keyword (BM25) ranking with the two vector rankings. Each chunk has one vector, in the field of
 * its language, so the two vector rankings hold different chunks and together form the semantic side. Pure
 * and store-independent: the same code ranks for the index and for the evaluation.
 */
public final class HybridFusion {

    private HybridFusion() {}

    /**
     * @param weight share of the semantic side, 0 = keyword only, 1 = vectors only
     * @param fields how much each vector field counts within the semantic side
     * @param rrfK   the constant of reciprocal-rank fusion
     * @return up to {@code k} keys, best first, with their fused score
     */
    public static <K> List<Ranked<K>> fuse(List<Ranked<K>> keyword, List<Ranked<K>> english, List<Ranked<K>> chinese,
                                           double weight, FieldWeights fields, FusionMethod method, int rrfK, int k) {
        Map<K, double[]> parts = new HashMap<>();
        if (method == FusionMethod.WEIGHTED_SCORE) {
            addNormalised(parts, keyword, 0, 1);
            addNormalised(parts, english, 1, fields.english());
            addNormalised(parts, chinese, 1, fields.chinese());
        } else {
            addReciprocal(parts, keyword, 0, 1, rrfK);
            addReciprocal(parts, english, 1, fields.english(), rrfK);
            addReciprocal(parts, chinese, 1, fields.chinese(), rrfK);
        }
        List<Ranked<K>> fused = new ArrayList<>(parts.size());
        parts.forEach((key, p) -> fused.add(new Ranked<>(key, (float) (weight * p[1] + (1 - weight) * p[0]))));
        fused.sort(Comparator.comparing((Ranked<K> r) -> r.score()).reversed());
        return fused.size() > k ? List.copyOf(fused.subList(0, k)) : fused;
    }

    private static <K> void addNormalised(Map<K, double[]> parts, List<Ranked<K>> ranking, int side, double share) {
        if (ranking.isEmpty()) return;
        float max = ranking.stream().map(Ranked::score).max(Float::compare).orElseThrow();
        float min = ranking.stream().map(Ranked::score).min(Float::compare).orElseThrow();
        for (Ranked<K> r : ranking) {
            double normalised = max > min ? (r.score() - min) / (double) (max - min) : 1.0;
            double[] p = parts.computeIfAbsent(r.key(), x -> new double[2]);
            p[side] = Math.max(p[side], share * normalised);
        }
    }

    private static <K> void addReciprocal(Map<K, double[]> parts, List<Ranked<K>> ranking, int side, double share,
                                          int rrfK) {
        for (int i = 0; i < ranking.size(); i++) {
            double[] p = parts.computeIfAbsent(ranking.get(i).key(), x -> new double[2]);
            p[side] = Math.max(p[side], share / (rrfK + i + 1));
        }
    }
}
