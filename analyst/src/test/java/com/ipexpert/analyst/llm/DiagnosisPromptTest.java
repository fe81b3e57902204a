package com.ipexpert.analyst.llm;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiagnosisPromptTest {

    @Test
    void the_current_prompt_declares_its_version_in_its_front_matter_and_file_name() {
        DiagnosisPrompt prompt = DiagnosisPrompt.current();

        assertThat(prompt.version()).isEqualTo("diagnosis-v2");
        assertThat(prompt.resource()).contains(prompt.version());
    }

    @Test
    void text_from_a_case_that_looks_like_a_placeholder_is_not_expanded() {
        DiagnosisPrompt prompt = DiagnosisPrompt.parse("test.md", """
                ---
                version: t-1
                ---
                <!-- system -->
                s
                <!-- user -->
                Q: {{question}} / E: {{evidence}}
                <!-- task: decide -->
                d
                <!-- task: solve -->
                {{reason}}
                <!-- dialect: display -->
                x
                <!-- dialect: show -->
                x
                <!-- dialect: junos -->
                x
                <!-- dialect: unknown -->
                x
                """);

        assertThat(prompt.render("user", Map.of("question", "why {{evidence}} $1?", "evidence", "none")))
                .isEqualTo("Q: why {{evidence}} $1? / E: none");
    }

    @Test
    void a_prompt_without_a_version_is_refused() {
        assertThatThrownBy(() -> DiagnosisPrompt.parse("bad.md", "---\ntitle: x\n---\n<!-- system -->\ns\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no version");
    }
}
