package com.ipexpert.retrieval.index;

import com.ipexpert.retrieval.Language;
import java.util.List;

/**
 * How much each vector field counts on the semantic side for one query. The two models score on different
 * scales and each understands mostly its own language, so a field's share follows the language of the chunks
 * the keyword search ranks highest for the query: a Chinese question about an English manual (found through
 * its English terms, OSPF, BGP) leans on the English field, a Chinese question about a Chinese manual on the
 * Chinese one. Neither field drops below {@code floor}, so an answer only the vectors see can still surface.
 */
public record FieldWeights(double english, double chinese) {
    /** Keyword hits looked at to decide the shares. */
    public static final int KEYWORD_HITS_CONSIDERED = 10;

    public FieldWeights {
        if (english < 0 || chinese < 0 || english > 1 || chinese > 1) {
            throw new IllegalArgumentException("field weights are between 0 and 1");
        }
    }

    /** @param topKeywordHits languages of the best keyword hits, best first (only the first ten count) */
    public static FieldWeights fromKeywordHits(List<Language> topKeywordHits, double floor) {
        List<Language> considered = topKeywordHits.subList(0, Math.min(KEYWORD_HITS_CONSIDERED, topKeywordHits.size()));
        if (considered.isEmpty()) return new FieldWeights(1, 1);
        double chinese = considered.stream().filter(l -> l == Language.CHINESE).count() / (double) considered.size();
        return new FieldWeights(Math.max(floor, 1 - chinese), Math.max(floor, chinese));
    }

    /** Both fields fully, for callers that have no keyword ranking to go by. */
    public static FieldWeights equal() {
        return new FieldWeights(1, 1);
    }
}
