package com.ipexpert.analyst.llm;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalysisDecision.NeedMoreInformation;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.AnalystFailure;
import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.analyst.Evidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The LLM analyst against a real HTTP server speaking OpenAI's chat-completions protocol, scripted per test, with
 * whole replies; {@link StreamingLlmAnalystTest} runs every one of these again with streamed replies.
 */
class LlmAnalystTest {
    static final String KEY = "sk-test-secret-0123456789";
    static final String OSPF_HUAWEI = "华为 NE40E 上 OSPF 邻居一直卡在 ExStart 状态，接口 GE0/0/1";
    static final Evidence MTU_PASSAGE = new Evidence("ospf-guide#12", "doc-ospf", "ospf-guide.pdf", "Huawei",
            List.of("ospf"), "p. 12", "Neighbors stuck in ExStart usually disagree on the interface MTU.", 0.82);
    private static final Evidence AREA_PASSAGE = new Evidence("ospf-guide#3", "doc-ospf", "ospf-guide.pdf", "Huawei",
            List.of("ospf"), "p. 3", "Both ends must be in the same area with the same authentication.", 0.41);

    FakeChatCompletions endpoint;

    /** Whether the endpoint streams its replies. */
    boolean streaming() {
        return false;
    }

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = FakeChatCompletions.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    LlmAnalyst analyst() {
        return analyst(Duration.ofSeconds(10));
    }

    LlmAnalyst analyst(Duration timeout) {
        return new LlmAnalyst(new ModelEndpoint(endpoint.baseUrl(), KEY, "qwen-test", timeout, 0.2, 800, streaming()));
    }

    static CaseConversation question(String text) {
        return new CaseConversation(text, List.of());
    }

    @Test
    void a_vague_question_gets_the_models_analysis_and_clarifying_questions() {
        endpoint.replies("""
                {"decision": "clarify", "category": "OSPF", "vendor": null,
                 "analysis": "OSPF adjacency problem; the device and the neighbour state are unknown.",
                 "questions": ["Which vendor and model is the router?", "What state does the neighbour show?"]}""", 321, 45);

        AnalysisDecision decision = analyst().analyse(question("OSPF neighbour keeps going down"), List.of(MTU_PASSAGE));

        assertThat(decision).isInstanceOf(NeedMoreInformation.class);
        NeedMoreInformation need = (NeedMoreInformation) decision;
        assertThat(need.suggestedQuestions()).containsExactly("Which vendor and model is the router?", "What state does the neighbour show?");
        assertThat(need.analysis()).contains("OSPF adjacency problem");
        assertThat(need.category()).isEqualTo("OSPF");
        assertThat(need.trace()).containsEntry("decision", "clarify").containsEntry("model", "qwen-test")
                .containsEntry("promptVersion", "diagnosis-v2").containsEntry("tokens", Map.of("input", 321L, "output", 45L));
        assertThat((Long) need.trace().get("modelLatencyMs")).isGreaterThanOrEqualTo(0L);
        assertThat(endpoint.authorizations()).containsExactly("Bearer " + KEY);
        assertThat(endpoint.streamed(0)).isEqualTo(streaming());
    }

    @Test
    void the_analyst_records_the_model_as_its_name_and_the_prompt_as_its_version() {
        LlmAnalyst analyst = analyst();

        assertThat(analyst.name()).isEqualTo("qwen-test");
        assertThat(analyst.version()).isEqualTo("diagnosis-v2");
    }

    @Test
    void the_prompt_gives_the_question_the_evidence_with_chunk_ids_and_the_vendors_dialect() {
        endpoint.replies("{\"decision\":\"solution\",\"answer\":\"Check the MTU.\",\"citations\":[],\"commands\":[]}");

        analyst().analyse(question(OSPF_HUAWEI), List.of(MTU_PASSAGE));

        String prompt = endpoint.promptOf(0);
        assertThat(prompt).contains(OSPF_HUAWEI).contains("[ospf-guide#12] ospf-guide.pdf — p. 12")
                .contains("disagree on the interface MTU").contains("Huawei VRP / H3C Comware dialect");
        assertThat(endpoint.requests().get(0)).containsPattern("\"model\"\\s*:\\s*\"qwen-test\"");
    }

    @Test
    void a_solution_cites_retrieved_passages_and_lists_commands_in_order_in_the_vendors_syntax() {
        endpoint.replies("""
                Here is my decision:
                ```json
                {"decision": "solution", "category": "OSPF", "vendor": "Huawei",
                 "answer": "The MTU differs on the two ends of GE0/0/1; make them equal.",
                 "citations": ["ospf-guide#12"],
                 "commands": ["display ospf peer", "<Huawei> display interface GigabitEthernet0/0/1", "show ip ospf neighbor"]}
                ```""", 500, 80);

        AnalysisDecision decision = analyst().analyse(question(OSPF_HUAWEI), List.of(MTU_PASSAGE, AREA_PASSAGE));

        assertThat(decision).isInstanceOf(ProposedSolution.class);
        ProposedSolution solution = (ProposedSolution) decision;
        assertThat(solution.answer()).contains("MTU differs");
        assertThat(solution.sources()).containsExactly(
                new AnalysisDecision.Source("ospf-guide#12", "doc-ospf", "ospf-guide.pdf", "p. 12", 0.82));
        assertThat(solution.commands()).containsExactly("display ospf peer", "display interface GigabitEthernet0/0/1");
        assertThat(solution.vendor()).isEqualTo("Huawei");
        assertThat(solution.trace()).containsEntry("decision", "solution").containsEntry("droppedCitations", List.of())
                .containsEntry("droppedCommands", List.of(Map.of("command", "show ip ospf neighbor", "reason", "not Huawei syntax (display)")));
    }

    @Test
    void a_citation_of_a_chunk_that_was_not_retrieved_is_dropped_and_recorded() {
        endpoint.replies("""
                {"decision": "solution", "answer": "Align the MTU.", "citations": ["ospf-guide#12", "made-up#7"],
                 "commands": ["display ospf peer"]}""");

        ProposedSolution solution = (ProposedSolution) analyst().analyse(question(OSPF_HUAWEI), List.of(MTU_PASSAGE));

        assertThat(solution.sources()).extracting(AnalysisDecision.Source::chunkId).containsExactly("ospf-guide#12");
        assertThat(solution.trace()).containsEntry("droppedCitations", List.of("made-up#7"))
                .containsEntry("citations", List.of("ospf-guide#12"));
    }

    @Test
    void a_reply_that_is_not_a_json_decision_is_a_failure_worth_retrying() {
        endpoint.replies("I think the MTU is wrong, check it.");

        AnalystFailure failure = catchThrowableOfType(() -> analyst().analyse(question(OSPF_HUAWEI), List.of()), AnalystFailure.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("not a JSON object");
    }

    @Test
    void a_failure_carries_what_the_failed_calls_cost_so_the_attempt_can_record_it() {
        endpoint.replies("I think the MTU is wrong, check it.", 512, 9);

        AnalystFailure failure = catchThrowableOfType(() -> analyst().analyse(question(OSPF_HUAWEI), List.of()), AnalystFailure.class);

        assertThat(failure.trace()).containsEntry("model", "qwen-test").containsEntry("promptVersion", "diagnosis-v2")
                .containsEntry("tokens", Map.of("input", 512L, "output", 9L));
        assertThat((List<?>) failure.trace().get("modelCalls")).hasSize(1);
    }

    @Test
    void a_refused_call_is_in_the_failures_record_with_the_endpoints_reason() {
        endpoint.fails(503, "The engine is currently overloaded");

        AnalystFailure failure = catchThrowableOfType(() -> analyst().analyse(question(OSPF_HUAWEI), List.of()), AnalystFailure.class);

        assertThat(failure.trace()).containsEntry("tokens", Map.of("input", 0L, "output", 0L));
        assertThat(failure.trace().get("modelCalls")).asList().singleElement()
                .satisfies(call -> assertThat(call.toString()).contains("HTTP 503"));
    }

    @Test
    void a_reply_cut_at_the_token_limit_says_so_in_the_failure() {
        endpoint.cutsOff("{\"decision\": \"solution\", \"answer\": \"The MTU on GE0/0/1 is");

        AnalystFailure failure = catchThrowableOfType(() -> analyst().analyse(question(OSPF_HUAWEI), List.of()), AnalystFailure.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("cut at the token limit (800 tokens)");
    }

    @Test
    void a_rate_limited_request_is_a_retryable_failure_the_client_does_not_retry_itself() {
        endpoint.fails(429, "Rate limit reached for requests").replies("{\"decision\":\"solution\",\"answer\":\"Align the MTU.\"}");
        LlmAnalyst analyst = analyst();

        AnalystFailure failure = catchThrowableOfType(() -> analyst.analyse(question(OSPF_HUAWEI), List.of()), AnalystFailure.class);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("HTTP 429");
        assertThat(endpoint.requests()).hasSize(1);

        assertThat(analyst.analyse(question(OSPF_HUAWEI), List.of())).isInstanceOf(ProposedSolution.class);
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void a_server_error_is_a_retryable_failure() {
        endpoint.fails(503, "The engine is currently overloaded");

        AnalystFailure failure = catchThrowableOfType(() -> analyst().analyse(question(OSPF_HUAWEI), List.of()), AnalystFailure.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("HTTP 503").contains("overloaded");
    }

    @Test
    void a_bad_request_is_a_failure_that_no_retry_can_fix() {
        endpoint.fails(400, "max_tokens is too large for this model");

        AnalystFailure failure = catchThrowableOfType(() -> analyst().analyse(question(OSPF_HUAWEI), List.of()), AnalystFailure.class);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("HTTP 400").contains("max_tokens is too large");
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void a_rejected_key_is_not_retried_and_the_key_never_shows_in_the_failure() {
        endpoint.fails(401, "Incorrect API key provided: " + KEY);

        AnalystFailure failure = catchThrowableOfType(() -> analyst().analyse(question(OSPF_HUAWEI), List.of()), AnalystFailure.class);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("HTTP 401").contains("Incorrect API key provided: ***")
                .doesNotContain(KEY).doesNotContain("0123456789");
    }

    @Test
    void a_model_that_does_not_answer_in_time_is_a_retryable_failure() {
        endpoint.stalls(3_000, "{\"decision\":\"solution\",\"answer\":\"too late\"}");

        long started = System.nanoTime();
        AnalystFailure failure = catchThrowableOfType(
                () -> analyst(Duration.ofMillis(300)).analyse(question(OSPF_HUAWEI), List.of()), AnalystFailure.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void the_second_step_shows_the_model_the_first_question_and_the_engineers_answer() {
        endpoint.replies("""
                {"decision": "clarify", "analysis": "Adjacency stuck before exchange.",
                 "questions": ["What MTU is configured on each end?"]}""")
                .replies("{\"decision\":\"solution\",\"answer\":\"The MTUs differ (1500 vs 9000); align them.\",\"commands\":[\"display ospf peer\"]}");
        LlmAnalyst analyst = analyst();
        CaseConversation first = question(OSPF_HUAWEI);
        NeedMoreInformation asked = (NeedMoreInformation) analyst.analyse(first, List.of(MTU_PASSAGE));

        CaseConversation second = new CaseConversation(OSPF_HUAWEI, List.of(new CaseConversation.Turn(asked.analysis(),
                asked.suggestedQuestions(), "Our side is 1500, the far end uses 9000")));
        ProposedSolution solution = (ProposedSolution) analyst.analyse(second, List.of(MTU_PASSAGE));

        assertThat(endpoint.promptOf(1)).contains(OSPF_HUAWEI).contains("Adjacency stuck before exchange.")
                .contains("What MTU is configured on each end?").contains("Our side is 1500, the far end uses 9000");
        assertThat(solution.answer()).contains("align them");
    }

    @Test
    void questions_already_asked_are_dropped_and_with_nothing_new_to_ask_the_model_is_told_to_propose_a_solution() {
        endpoint.replies("{\"decision\":\"clarify\",\"analysis\":\"...\",\"questions\":[\"what MTU is configured on each end\"]}")
                .replies("{\"decision\":\"solution\",\"answer\":\"Align the MTU on both ends.\",\"commands\":[\"display ospf peer\"]}");
        CaseConversation conversation = new CaseConversation(OSPF_HUAWEI, List.of(new CaseConversation.Turn("analysis",
                List.of("What MTU is configured on each end?"), "I don't know")));

        AnalysisDecision decision = analyst().analyse(conversation, List.of());

        assertThat(decision).isInstanceOf(ProposedSolution.class);
        assertThat(endpoint.requests()).hasSize(2);
        assertThat(endpoint.promptOf(1)).contains("You must propose a solution now").contains("already been asked");
        assertThat(decision.trace()).containsEntry("droppedQuestions",
                List.of(Map.of("question", "what MTU is configured on each end", "reason", "already asked")));
        assertThat((List<?>) decision.trace().get("modelCalls")).hasSize(2);
    }

    @Test
    void no_more_than_three_questions_are_asked_at_once() {
        endpoint.replies("{\"decision\":\"clarify\",\"analysis\":\"...\",\"questions\":[\"Q one?\",\"Q two?\",\"Q three?\",\"Q four?\"]}");

        NeedMoreInformation need = (NeedMoreInformation) analyst().analyse(question("OSPF down"), List.of());

        assertThat(need.suggestedQuestions()).containsExactly("Q one?", "Q two?", "Q three?");
        assertThat(need.trace()).containsEntry("droppedQuestions", List.of(Map.of("question", "Q four?", "reason", "more than 3 questions")));
    }

    @Test
    void after_two_clarification_turns_the_model_is_told_to_propose_a_solution() {
        endpoint.replies("{\"decision\":\"solution\",\"answer\":\"Most likely an MTU mismatch.\",\"commands\":[]}");
        CaseConversation conversation = new CaseConversation("OSPF down", List.of(
                new CaseConversation.Turn("a1", List.of("Which vendor?"), "Huawei"),
                new CaseConversation.Turn("a2", List.of("Which state?"), "ExStart")));

        AnalysisDecision decision = analyst().analyse(conversation, List.of());

        assertThat(decision).isInstanceOf(ProposedSolution.class);
        assertThat(endpoint.promptOf(0)).contains("You must propose a solution now").contains("2 clarification turns");
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void a_question_the_engineer_quoted_in_an_answer_is_neither_the_platform_nor_shown_to_the_model_as_the_engineers_words() {
        endpoint.replies("{\"decision\":\"solution\",\"vendor\":\"Huawei\",\"answer\":\"Check the peer address.\","
                + "\"commands\":[\"display bgp peer\",\"vtysh -c \\\"show bgp summary\\\"\"]}");
        String asked = "Which vendor and model (e.g. Huawei NE40E, Cisco ASR)?";
        CaseConversation conversation = new CaseConversation("BGP session to 10.0.0.2 stays in Active", List.of(
                new CaseConversation.Turn("a1", List.of(asked), asked + " — FRRouting 8.4")));

        ProposedSolution solution = (ProposedSolution) analyst().analyse(conversation, List.of());

        assertThat(solution.vendor()).isEqualTo("FRRouting");
        assertThat(solution.commands()).containsExactly("vtysh -c \"show bgp summary\"");
        String prompt = endpoint.promptOf(0);
        assertThat(prompt.substring(prompt.indexOf("The engineer answered:"))).startsWith("The engineer answered:\n— FRRouting 8.4");
    }

    @Test
    void a_model_that_keeps_asking_when_told_to_solve_is_answered_by_the_offline_rules_instead() {
        endpoint.replies("{\"decision\":\"clarify\",\"analysis\":\"...\",\"questions\":[\"Which OSPF area?\"]}");
        CaseConversation conversation = new CaseConversation(OSPF_HUAWEI, List.of(
                new CaseConversation.Turn("a1", List.of("Which vendor?"), "Huawei NE40E"),
                new CaseConversation.Turn("a2", List.of("Which state?"), "ExStart")));

        AnalysisDecision decision = analyst().analyse(conversation, List.of());

        assertThat(decision).isInstanceOf(ProposedSolution.class);
        assertThat(((ProposedSolution) decision).commands()).isNotEmpty().allMatch(c -> !c.startsWith("show "));
        assertThat(decision.trace()).containsKey("fallback").containsEntry("decision", "solution");
    }

    @Test
    void the_model_refines_an_unclear_category_and_names_the_vendor_only_when_the_engineer_did_not() {
        endpoint.replies("{\"decision\":\"solution\",\"category\":\"BGP\",\"vendor\":\"Cisco\",\"answer\":\"Check the peer.\","
                + "\"commands\":[\"show ip bgp summary\",\"display bgp peer\"]}");

        ProposedSolution solution = (ProposedSolution) analyst().analyse(question("邻居老是断，不知道为什么"), List.of());

        assertThat(solution.category()).isEqualTo("BGP");
        assertThat(solution.vendor()).isEqualTo("Cisco");
        assertThat(solution.commands()).containsExactly("show ip bgp summary");
    }

    @Test
    void the_vendor_in_the_engineers_text_wins_over_the_models() {
        endpoint.replies("{\"decision\":\"solution\",\"vendor\":\"Cisco\",\"answer\":\"Check the MTU.\"}");

        ProposedSolution solution = (ProposedSolution) analyst().analyse(question(OSPF_HUAWEI), List.of());

        assertThat(solution.vendor()).isEqualTo("Huawei");
        assertThat(solution.category()).isEqualTo("OSPF");
    }

    @Test
    void an_endpoint_that_cannot_be_reached_is_a_retryable_failure() {
        String baseUrl = endpoint.baseUrl();
        endpoint.close();
        LlmAnalyst analyst = new LlmAnalyst(new ModelEndpoint(baseUrl, KEY, "qwen-test", Duration.ofSeconds(2), null, null, streaming()));

        assertThatThrownBy(() -> analyst.analyse(question(OSPF_HUAWEI), List.of()))
                .isInstanceOfSatisfying(AnalystFailure.class, f -> assertThat(f.retryable()).isTrue());
    }
}
