package com.ipexpert.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ipexpert.retrieval.index.FusionMethod;
import org.junit.jupiter.api.Test;

class KnowledgeSettingsTest {

    @Test
    void the_defaults_are_valid_and_are_what_the_evaluation_chose() {
        KnowledgeSettings settings = KnowledgeSettings.defaults();

        assertThat(settings.targetChunkChars()).isEqualTo(600);
        assertThat(settings.fusion()).isEqualTo(FusionMethod.WEIGHTED_SCORE);
        assertThat(settings.queryInstruction()).isTrue();
        assertThat(settings.termCoverageGain()).isEqualTo(0.5);
    }

    @Test
    void values_that_cannot_work_are_refused_with_the_setting_named() {
        KnowledgeSettings settings = KnowledgeSettings.defaults();

        assertThatThrownBy(() -> settings.withChunking(50, 0)).hasMessageContaining("targetChunkChars");
        assertThatThrownBy(() -> settings.withChunking(600, 400)).hasMessageContaining("overlapChars");
        assertThatThrownBy(() -> settings.withFusion(FusionMethod.RECIPROCAL_RANK, 1.5)).hasMessageContaining("defaultWeight");
        assertThatThrownBy(() -> settings.withLimits(0, 1_000_000)).hasMessageContaining("maxPages");
        assertThatThrownBy(() -> settings.withMinFieldWeight(-0.1)).hasMessageContaining("minFieldWeight");
        assertThatThrownBy(() -> settings.withTermCoverageGain(-0.5)).hasMessageContaining("termCoverageGain");
    }
}
