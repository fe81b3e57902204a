package com.ipexpert.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.ipexpert.retrieval.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridFusionTest {
    private final List<Ranked<String>> keyword = List.of(new Ranked<>("a", 12f), new Ranked<>("b", 6f), new Ranked<>("c", 2f));
    private final List<Ranked<String>> english = List.of(new Ranked<>("c", 0.95f), new Ranked<>("b", 0.90f), new Ranked<>("d", 0.80f));
    private final List<Ranked<String>> chinese = List.of(new Ranked<>("z", 0.85f), new Ranked<>("y", 0.80f));

    @Test
    void weight_zero_ranks_by_keywords_and_weight_one_by_vectors() {
        assertThat(keys(HybridFusion.fuse(keyword, english, List.of(), 0, FieldWeights.equal(), FusionMethod.WEIGHTED_SCORE, 60, 3)))
                .startsWith("a", "b");
        assertThat(keys(HybridFusion.fuse(keyword, english, List.of(), 1, FieldWeights.equal(), FusionMethod.WEIGHTED_SCORE, 60, 3)))
                .startsWith("c", "b");
    }

    @Test
    void a_chunk_both_retrievers_like_wins_the_middle_weight() {
        List<Ranked<String>> fused = HybridFusion.fuse(keyword, english, List.of(), 0.5, FieldWeights.equal(),
                FusionMethod.WEIGHTED_SCORE, 60, 4);

        assertThat(keys(fused)).startsWith("b");
        assertThat(fused.get(0).score()).isEqualTo(0.5f * 0.6667f + 0.5f * 0.4f, org.assertj.core.data.Offset.offset(0.01f));
    }

    @Test
    void reciprocal_rank_fusion_uses_ranks_only() {
        List<Ranked<String>> fused = HybridFusion.fuse(keyword, english, List.of(), 0.5, FieldWeights.equal(),
                FusionMethod.RECIPROCAL_RANK, 60, 4);

        // c is third and first, b second twice: 1/63 + 1/61 is a hair more than 2/62.
        assertThat(keys(fused)).startsWith("c", "b");
        assertThat(fused.get(0).score()).isEqualTo((float) (0.5 / 63 + 0.5 / 61));
    }

    @Test
    void the_field_of_the_language_the_keyword_hits_are_in_counts_more() {
        FieldWeights mostlyChinese = FieldWeights.fromKeywordHits(
                List.of(Language.CHINESE, Language.CHINESE, Language.CHINESE, Language.ENGLISH), 0.25);

        assertThat(mostlyChinese.chinese()).isEqualTo(0.75);
        assertThat(mostlyChinese.english()).isEqualTo(0.25);
        assertThat(FieldWeights.fromKeywordHits(List.of(Language.ENGLISH), 0.25))
                .isEqualTo(new FieldWeights(1, 0.25));
        assertThat(keys(HybridFusion.fuse(List.of(), english, chinese, 1, mostlyChinese, FusionMethod.WEIGHTED_SCORE, 60, 2)))
                .containsExactly("z", "c");
    }

    private static List<String> keys(List<Ranked<String>> ranking) {
        return ranking.stream().map(Ranked::key).toList();
    }
}
