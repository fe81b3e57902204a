package com.ipexpert.command.agent;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.AnalystFailure;
import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.analyst.Evidence;
import com.ipexpert.api.agent.AgentCommands.PerformAnalysis;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CaseCommands.ConcludeAnalysis;
import com.ipexpert.api.cases.NodeCommands.RecordAttemptFailure;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.RetrievalSettings;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What the worker records of a model's step: whether a failure may be retried, and which model answered at what cost. */
class LlmStepRecordTest {
    private final CaseConversations conversations = mock(CaseConversations.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final PerformAnalysis step = new PerformAnalysis(NodeId.of("node-1"), CaseId.of("case-1"), 1,
            new RetrievalSettings(0.4, List.of("ospf")));
    private static final Evidence PASSAGE = new Evidence("doc-1#3", "doc-1", "ne40e-ospf.pdf", "Huawei", List.of("ospf"),
            "p. 3", "ExStart with unequal MTU", 0.71);
    private final KnowledgeRetrieval retrieval = (query, vendor, settings, limit) -> List.of(PASSAGE);

    LlmStepRecordTest() {
        when(conversations.upTo(any(), any())).thenReturn(new CaseConversation("OSPF stuck in ExStart on a Huawei NE40E", List.of()));
        when(commands.send(any(CommandMessage.class))).thenReturn(CompletableFuture.completedFuture(null));
    }

    private Object reportOf(BiFunction<CaseConversation, List<Evidence>, AnalysisDecision> analysis) {
        Analyst analyst = new Analyst() {
            public String name() {
                return "qwen-plus";
            }

            public String version() {
                return "diagnosis-v2";
            }

            public AnalysisDecision analyse(CaseConversation conversation, List<Evidence> evidence) {
                return analysis.apply(conversation, evidence);
            }
        };
        new AnalysisWorker(conversations, retrieval, analyst, new StepDrafts(SimpleQueryUpdateEmitter.builder().build()), commands,
                Runnable::run, Clock.systemUTC()).run(step);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).send(sent.capture());
        return sent.getValue().getPayload();
    }

    @Test
    void over_its_owners_daily_budget_a_step_is_answered_by_the_offline_analyst_and_says_so() {
        when(conversations.ownerOf(CaseId.of("case-1"))).thenReturn("user-7");
        java.util.List<String> asked = new java.util.ArrayList<>();
        Analyst model = named("qwen-plus", (c, e) -> {
            throw new AssertionError("the model must not be asked over budget");
        });
        Analyst offline = named("offline", (c, e) -> new ProposedSolution("OSPF", "Huawei", "Align the MTU.", List.of(),
                List.of("display ospf peer"), Map.of()));
        new AnalysisWorker(conversations, retrieval, model, new StepDrafts(SimpleQueryUpdateEmitter.builder().build()), commands,
                Runnable::run, Clock.systemUTC(), userId -> {
                    asked.add(userId);
                    return false;
                }, offline).run(step);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).send(sent.capture());
        assertThat(asked).containsExactly("user-7");
        assertThat(sent.getValue().getPayload()).isInstanceOfSatisfying(ConcludeAnalysis.class, concluded -> assertThat(concluded.metadata())
                .containsEntry("analyst", "offline").containsKey("modelBudget"));
    }

    @Test
    void within_its_owners_budget_a_step_asks_the_model() {
        Analyst model = named("qwen-plus", (c, e) -> new ProposedSolution("OSPF", "Huawei", "Align the MTU.", List.of(),
                List.of("display ospf peer"), Map.of()));
        Analyst offline = named("offline", (c, e) -> {
            throw new AssertionError("the offline analyst must not answer within budget");
        });
        new AnalysisWorker(conversations, retrieval, model, new StepDrafts(SimpleQueryUpdateEmitter.builder().build()), commands,
                Runnable::run, Clock.systemUTC(), userId -> true, offline).run(step);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).send(sent.capture());
        assertThat(sent.getValue().getPayload()).isInstanceOfSatisfying(ConcludeAnalysis.class, concluded -> assertThat(concluded.metadata())
                .containsEntry("analyst", "qwen-plus").doesNotContainKey("modelBudget"));
    }

    private static Analyst named(String name, BiFunction<CaseConversation, List<Evidence>, AnalysisDecision> analysis) {
        return new Analyst() {
            public String name() {
                return name;
            }

            public String version() {
                return "v";
            }

            public AnalysisDecision analyse(CaseConversation conversation, List<Evidence> evidence) {
                return analysis.apply(conversation, evidence);
            }
        };
    }

    @Test
    void a_request_the_model_refuses_fails_the_attempt_as_not_retryable() {
        Object report = reportOf((c, e) -> {
            throw AnalystFailure.notRetryable("the model endpoint rejected the API key (HTTP 401)", null);
        });

        assertThat(report).isInstanceOfSatisfying(RecordAttemptFailure.class, failure -> {
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.reason()).isEqualTo("the model endpoint rejected the API key (HTTP 401)");
        });
    }

    @Test
    void a_rate_limited_model_fails_the_attempt_as_retryable() {
        Object report = reportOf((c, e) -> {
            throw AnalystFailure.retryable("the model endpoint is rate limiting (HTTP 429)", null);
        });

        assertThat(report).isInstanceOfSatisfying(RecordAttemptFailure.class, failure -> assertThat(failure.retryable()).isTrue());
    }

    @Test
    void a_models_step_records_the_model_the_prompt_version_the_tokens_and_what_was_dropped() {
        Map<String, Object> trace = Map.of("model", "qwen-plus", "promptVersion", "diagnosis-v2",
                "tokens", Map.of("input", 812, "output", 144), "modelLatencyMs", 930L, "droppedCitations", List.of("made-up#1"));
        Object report = reportOf((c, e) -> new ProposedSolution("OSPF", "Huawei", "Align the MTU.", List.of(),
                List.of("display ospf peer"), trace));

        assertThat(report).isInstanceOfSatisfying(ConcludeAnalysis.class, concluded -> assertThat(concluded.metadata())
                .containsEntry("analyst", "qwen-plus").containsEntry("analystVersion", "diagnosis-v2")
                .containsEntry("decision", "solution").containsEntry("model", "qwen-plus")
                .containsEntry("promptVersion", "diagnosis-v2").containsEntry("tokens", Map.of("input", 812, "output", 144))
                .containsEntry("modelLatencyMs", 930L).containsEntry("droppedCitations", List.of("made-up#1"))
                .containsEntry("trace", trace));
    }

    @Test
    void a_step_records_what_it_retrieved_with_which_query_and_settings_and_the_evidence_scores() {
        Object report = reportOf((c, e) -> new ProposedSolution("OSPF", "Huawei", "Align the MTU.", List.of(),
                List.of("display ospf peer"), Map.of()));

        assertThat(report).isInstanceOfSatisfying(ConcludeAnalysis.class, concluded -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> retrieval = (Map<String, Object>) concluded.metadata().get("retrieval");
            assertThat(retrieval).containsEntry("query", "OSPF stuck in ExStart on a Huawei NE40E").containsEntry("weight", 0.4)
                    .containsEntry("filterTags", List.of("ospf")).containsEntry("limit", AnalysisWorker.EVIDENCE_LIMIT)
                    .containsKey("latencyMs");
            assertThat(concluded.metadata()).containsEntry("evidence",
                    List.of(Map.of("chunkId", "doc-1#3", "docId", "doc-1", "score", 0.71)));
        });
    }

    @Test
    void a_failed_step_records_what_it_retrieved_and_what_its_model_calls_cost() {
        Map<String, Object> spent = Map.of("model", "qwen-plus", "tokens", Map.of("input", 700L, "output", 12L),
                "modelCalls", List.of(Map.of("task", "decide", "latencyMs", 840L)));
        Object report = reportOf((c, e) -> {
            throw AnalystFailure.retryable("the model's reply is not a JSON object (37 characters)", null).withTrace(spent);
        });

        assertThat(report).isInstanceOfSatisfying(RecordAttemptFailure.class, failure -> {
            assertThat(failure.reason()).contains("not a JSON object");
            assertThat(failure.record()).containsEntry("analyst", "qwen-plus").containsEntry("attempt", 1)
                    .containsEntry("tokens", Map.of("input", 700L, "output", 12L))
                    .containsEntry("evidence", List.of(Map.of("chunkId", "doc-1#3", "docId", "doc-1", "score", 0.71)))
                    .containsKey("modelCalls").containsKey("latencyMs");
            assertThat(((Map<?, ?>) failure.record().get("retrieval")).get("query")).isEqualTo("OSPF stuck in ExStart on a Huawei NE40E");
        });
    }
}
