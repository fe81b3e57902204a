package com.ipexpert.analyst.llm;

import com.ipexpert.analyst.AnalystFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a model's written reply is read as a decision. */
class ModelReplyTest {

    @Test
    void a_bare_json_object_is_read() {
        ModelReply reply = ModelReply.parse("{\"decision\":\"clarify\",\"analysis\":\"a\",\"questions\":[\"Which vendor?\"]}");

        assertThat(reply.clarify()).isTrue();
        assertThat(reply.questions()).containsExactly("Which vendor?");
    }

    @Test
    void a_decision_inside_a_json_fence_after_some_words_is_read() {
        ModelReply reply = ModelReply.parse("Sure! Here it is:\n```json\n{\"decision\": \"solution\", \"answer\": \"Align the MTU.\","
                + " \"citations\": [\"c-1\"], \"commands\": [\"display ospf peer\"]}\n```\nHope this helps {really}.");

        assertThat(reply.clarify()).isFalse();
        assertThat(reply.answer()).isEqualTo("Align the MTU.");
        assertThat(reply.citations()).containsExactly("c-1");
        assertThat(reply.commands()).containsExactly("display ospf peer");
    }

    @Test
    void words_after_the_object_do_not_spoil_it() {
        ModelReply reply = ModelReply.parse("{\"decision\":\"solution\",\"answer\":\"A.\"} I am confident {mostly}.");

        assertThat(reply.answer()).isEqualTo("A.");
    }

    @Test
    void a_reasoning_models_thinking_is_skipped() {
        ModelReply reply = ModelReply.parse("<think>maybe {\"decision\":\"clarify\"} or not</think>\n{\"decision\":\"solution\",\"answer\":\"B.\"}");

        assertThat(reply.clarify()).isFalse();
        assertThat(reply.answer()).isEqualTo("B.");
    }

    @Test
    void a_reply_without_the_decision_field_is_read_from_what_it_holds() {
        assertThat(ModelReply.parse("{\"answer\":\"C.\",\"commands\":[]}").clarify()).isFalse();
        assertThat(ModelReply.parse("{\"analysis\":\"x\",\"questions\":[\"Which vendor?\"]}").clarify()).isTrue();
    }

    @Test
    void a_solution_without_an_answer_is_a_retryable_failure() {
        assertThatThrownBy(() -> ModelReply.parse("{\"decision\":\"solution\",\"commands\":[\"display ospf peer\"]}"))
                .isInstanceOfSatisfying(AnalystFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageContaining("without an \"answer\"");
    }

    @Test
    void a_cut_off_object_is_a_retryable_failure() {
        assertThatThrownBy(() -> ModelReply.parse("{\"decision\":\"solution\",\"answer\":\"The MTU"))
                .isInstanceOfSatisfying(AnalystFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void an_unknown_decision_is_a_retryable_failure() {
        assertThatThrownBy(() -> ModelReply.parse("{\"decision\":\"escalate\",\"answer\":\"x\"}"))
                .isInstanceOf(AnalystFailure.class).hasMessageContaining("unknown decision \"escalate\"");
    }
}
