package com.ipexpert.analyst.llm;

import com.ipexpert.analyst.AnalysisDecision.NeedMoreInformation;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.AnalystFailure;
import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.analyst.DraftSink;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every test of {@link LlmAnalystTest} again, with the endpoint streaming its replies as Server-Sent Events, and
 * what only streaming does: the text of the decision reaches the step's drafts while the model writes it.
 */
class StreamingLlmAnalystTest extends LlmAnalystTest {

    @Override
    boolean streaming() {
        return true;
    }

    /** Keeps drafts as a watcher of the case would: {@code draft = draft[0, offset) + text}. */
    static final class Drafts implements DraftSink {
        final List<String> fields = new ArrayList<>();
        final List<Integer> offsets = new ArrayList<>();
        final StringBuilder draft = new StringBuilder();

        @Override
        public synchronized void write(String field, int offset, String text) {
            fields.add(field);
            offsets.add(offset);
            draft.setLength(Math.min(offset, draft.length()));
            draft.append(text);
        }
    }

    @Test
    void the_answer_reaches_the_drafts_piece_by_piece_while_the_model_writes_it() {
        endpoint.replies("""
                {"decision": "solution", "category": "OSPF", "vendor": "Huawei",
                 "answer": "两端 MTU 不一致：本端 1500，对端 9000。\\n执行 \\"display ospf peer\\" 确认 ✅",
                 "citations": ["ospf-guide#12"], "commands": ["display ospf peer"]}""", 400, 60);
        Drafts drafts = new Drafts();

        ProposedSolution solution = (ProposedSolution) analyst().analyse(question(OSPF_HUAWEI), List.of(MTU_PASSAGE), drafts);

        assertThat(solution.answer()).isEqualTo("两端 MTU 不一致：本端 1500，对端 9000。\n执行 \"display ospf peer\" 确认 ✅");
        assertThat(drafts.draft.toString()).isEqualTo(solution.answer());
        assertThat(drafts.offsets.size()).as("written in several pieces").isGreaterThan(3);
        assertThat(drafts.fields).containsOnly("answer");
        assertThat(drafts.offsets.get(0)).isZero();
        assertThat(solution.trace()).containsEntry("tokens", Map.of("input", 400L, "output", 60L));
    }

    @Test
    void a_clarification_streams_its_analysis_and_never_the_questions() {
        endpoint.replies("""
                {"decision": "clarify", "category": "OSPF",
                 "questions": ["Which vendor is the far end?"],
                 "analysis": "Adjacency stops before the database exchange."}""");
        Drafts drafts = new Drafts();

        NeedMoreInformation need = (NeedMoreInformation) analyst().analyse(question("OSPF stuck in ExStart"), List.of(), drafts);

        assertThat(drafts.draft.toString()).isEqualTo(need.analysis()).isEqualTo("Adjacency stops before the database exchange.");
        assertThat(drafts.fields).containsOnly("analysis");
    }

    @Test
    void when_the_model_is_asked_again_for_a_solution_the_draft_starts_over() {
        endpoint.replies("{\"decision\":\"clarify\",\"analysis\":\"Need the MTU.\",\"questions\":[\"what MTU is configured on each end\"]}")
                .replies("{\"decision\":\"solution\",\"answer\":\"Align the MTU on both ends.\",\"commands\":[\"display ospf peer\"]}");
        CaseConversation conversation = new CaseConversation(OSPF_HUAWEI, List.of(new CaseConversation.Turn("analysis",
                List.of("What MTU is configured on each end?"), "I don't know")));
        Drafts drafts = new Drafts();

        analyst().analyse(conversation, List.of(), drafts);

        assertThat(drafts.draft.toString()).isEqualTo("Align the MTU on both ends.");
        assertThat(drafts.offsets.stream().filter(o -> o == 0)).hasSize(2);
    }

    @Test
    void a_stream_that_stops_half_way_fails_as_a_timeout_worth_retrying() {
        endpoint.stallsMidStream(3_000, "{\"answer\":\"The MTU differs on both ends of the link, check both.\",\"decision\":\"solution\"}");
        Drafts drafts = new Drafts();

        long started = System.nanoTime();
        AnalystFailure failure = catchThrowableOfType(
                () -> analyst(Duration.ofMillis(400)).analyse(question(OSPF_HUAWEI), List.of(), drafts), AnalystFailure.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("did not finish its reply within 400 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        assertThat(drafts.draft.toString()).as("what had arrived was shown").startsWith("The MTU");
    }
}
