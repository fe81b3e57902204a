package com.ipexpert.command.agent;

import com.ipexpert.api.agent.AgentCommands.PerformAnalysis;
import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseCommands.RecordAnalysisOutcome;
import com.ipexpert.api.cases.CaseEvents.AnalysisRetryRequested;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeCommands.FailAnalysis;
import com.ipexpert.api.cases.NodeCommands.RecordAttemptFailure;
import com.ipexpert.api.cases.NodeCommands.RestartAnalysis;
import com.ipexpert.api.cases.NodeCommands.StartNextAttempt;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptFailed;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptStarted;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import com.ipexpert.api.cases.NodeEvents.AnalysisFailed;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.cases.RetrievalSettings;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

class AgentSagaTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final NodeId NODE = NodeId.of("n-analysis");
    private static final CaseId CASE = CaseId.of("case-1");
    private static final RetrievalSettings RETRIEVAL = new RetrievalSettings(0.5, List.of("ospf"));
    private static final AgentSettings SETTINGS = new AgentSettings(Duration.ofSeconds(60), 3, Duration.ofSeconds(2),
            Duration.ofSeconds(30), 1);
    private SagaTestFixture<AgentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(AgentSaga.class);
        fixture.registerResource(SETTINGS);
        fixture.registerResource(Clock.fixed(T0, ZoneOffset.UTC));
        fixture.setCallbackBehavior((command, metaData) -> null);
    }

    private static AnalysisAttemptStarted started(int attempt) {
        return new AnalysisAttemptStarted(NODE, CASE, attempt, RETRIEVAL, T0);
    }

    private static AnalysisAttemptFailed failed(int attempt, boolean retryable) {
        return new AnalysisAttemptFailed(NODE, CASE, attempt, "boom", retryable, false, T0);
    }

    @Test
    void a_started_attempt_is_sent_to_the_worker_with_a_deadline() {
        fixture.givenNoPriorActivity()
                .whenAggregate(NODE.value()).publishes(started(1))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new PerformAnalysis(NODE, CASE, 1, RETRIEVAL))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(60), AgentSaga.TIMEOUT);
    }

    @Test
    void a_solution_is_recorded_on_the_case_and_ends_the_saga() {
        fixture.givenAggregate(NODE.value()).published(started(1))
                .whenAggregate(NODE.value()).publishes(new AnalysisConcluded(NODE, CASE, 1, NodeType.SOLUTION,
                        NodeStatus.COMPLETED, Map.of("answer", "check MTU"), Map.of(), "OSPF", "Huawei", T0))
                .expectDispatchedCommands(new RecordAnalysisOutcome(CASE, NODE, AnalysisOutcome.SOLUTION, "OSPF", "Huawei",
                        "check MTU", List.of(), T0))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void a_clarification_is_recorded_with_its_questions() {
        fixture.givenAggregate(NODE.value()).published(started(1))
                .whenAggregate(NODE.value()).publishes(new AnalysisConcluded(NODE, CASE, 1, NodeType.AI_CLARIFICATION,
                        NodeStatus.AWAITING_USER_INPUT, Map.of("analysis", "need vendor", "suggestedQuestions",
                        List.of("设备型号是什么？")), Map.of(), "OSPF", null, T0))
                .expectDispatchedCommands(new RecordAnalysisOutcome(CASE, NODE, AnalysisOutcome.CLARIFICATION, "OSPF", null,
                        "need vendor", List.of("设备型号是什么？"), T0))
                .expectActiveSagas(0);
    }

    @Test
    void a_failed_attempt_is_retried_after_a_backoff() {
        fixture.givenAggregate(NODE.value()).published(started(1))
                .whenAggregate(NODE.value()).publishes(failed(1, true))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), AgentSaga.RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void the_backoff_deadline_starts_the_next_attempt() {
        fixture.givenAggregate(NODE.value()).published(started(1), failed(1, true))
                .whenTimeElapses(Duration.ofSeconds(3))
                .expectDispatchedCommands(new StartNextAttempt(NODE, 2, T0));
    }

    @Test
    void an_attempt_that_passes_its_deadline_is_recorded_as_timed_out() {
        fixture.givenAggregate(NODE.value()).published(started(1))
                .whenTimeElapses(Duration.ofSeconds(61))
                .expectDeadlinesMet(1)
                .expectDispatchedCommands(new RecordAttemptFailure(NODE, 1,
                        "the analysis step did not finish within 60 s", true, true, T0, Map.of("stepTimeoutMs", 60_000L)));
    }

    @Test
    void the_last_failed_attempt_fails_the_node() {
        fixture.givenAggregate(NODE.value()).published(started(1), failed(1, true), started(2), failed(2, true), started(3))
                .whenAggregate(NODE.value()).publishes(failed(3, true))
                .expectDispatchedCommands(new FailAnalysis(NODE, 3, "The analysis failed after 3 attempt(s): boom", T0));
    }

    @Test
    void a_failure_that_cannot_be_retried_fails_the_node_at_once() {
        fixture.givenAggregate(NODE.value()).published(started(1))
                .whenAggregate(NODE.value()).publishes(failed(1, false))
                .expectDispatchedCommands(new FailAnalysis(NODE, 1, "The analysis failed after 1 attempt(s): boom", T0));
    }

    @Test
    void a_failed_node_is_recorded_on_the_case_and_ends_the_saga() {
        fixture.givenAggregate(NODE.value()).published(started(1), failed(1, false))
                .whenAggregate(NODE.value()).publishes(new AnalysisFailed(NODE, CASE, 1, "gave up", T0))
                .expectDispatchedCommands(new RecordAnalysisOutcome(CASE, NODE, AnalysisOutcome.FAILED, null, null,
                        "gave up", List.of(), T0))
                .expectActiveSagas(0);
    }

    @Test
    void a_retry_request_restarts_the_failed_node() {
        fixture.givenNoPriorActivity()
                .whenAggregate(CASE.value()).publishes(new AnalysisRetryRequested(CASE, NODE, "u-owner", T0))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RestartAnalysis(NODE, T0));
    }
}
