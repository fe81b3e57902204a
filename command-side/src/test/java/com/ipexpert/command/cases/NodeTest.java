package com.ipexpert.command.cases;

import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.NodeCommands;
import com.ipexpert.api.cases.NodeEvents;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.ipexpert.command.cases.CaseFixtures.*;

class NodeTest {
    private static final Map<String, Object> SOLUTION_CONTENT = Map.of("answer", "check MTU", "sources", java.util.List.of(),
            "commands", java.util.List.of("display ospf peer"));
    private static final Map<String, Object> METADATA = Map.of("analyst", "offline");
    private AggregateTestFixture<Node> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Node.class);
    }

    private static NodeEvents.NodeCreated analysisCreated() {
        return nodeCreated(ANALYSIS, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, null, T0);
    }

    private static NodeCommands.ConcludeAnalysis conclude(int attempt, AnalysisOutcome outcome) {
        return new NodeCommands.ConcludeAnalysis(ANALYSIS, attempt, outcome, SOLUTION_CONTENT, METADATA, "OSPF", "Huawei",
                T0.plusSeconds(2));
    }

    @Test
    void the_current_attempt_concludes_the_node_as_a_solution() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0))
                .when(conclude(1, AnalysisOutcome.SOLUTION))
                .expectEvents(new NodeEvents.AnalysisConcluded(ANALYSIS, CASE, 1, NodeType.SOLUTION, NodeStatus.COMPLETED,
                        SOLUTION_CONTENT, METADATA, "OSPF", "Huawei", T0.plusSeconds(2)));
    }

    @Test
    void a_clarification_leaves_the_node_awaiting_the_user() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0))
                .when(conclude(1, AnalysisOutcome.CLARIFICATION))
                .expectEvents(new NodeEvents.AnalysisConcluded(ANALYSIS, CASE, 1, NodeType.AI_CLARIFICATION,
                        NodeStatus.AWAITING_USER_INPUT, SOLUTION_CONTENT, METADATA, "OSPF", "Huawei", T0.plusSeconds(2)));
    }

    @Test
    void a_late_answer_of_a_timed_out_attempt_is_refused() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisAttemptFailed(ANALYSIS, CASE, 1, "timed out", true, true, T0),
                        attemptStarted(ANALYSIS, 2, T0))
                .when(conclude(1, AnalysisOutcome.SOLUTION))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void a_concluded_node_cannot_conclude_again() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisConcluded(ANALYSIS, CASE, 1, NodeType.SOLUTION, NodeStatus.COMPLETED,
                                SOLUTION_CONTENT, METADATA, "OSPF", "Huawei", T0))
                .when(conclude(1, AnalysisOutcome.SOLUTION))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void a_failure_is_not_a_conclusion() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0))
                .when(conclude(1, AnalysisOutcome.FAILED))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void a_failed_attempt_is_recorded_with_its_reason() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0))
                .when(new NodeCommands.RecordAttemptFailure(ANALYSIS, 1, "boom", true, false, T0))
                .expectEvents(new NodeEvents.AnalysisAttemptFailed(ANALYSIS, CASE, 1, "boom", true, false, T0));
    }

    @Test
    void a_failure_of_an_attempt_that_is_not_running_is_refused() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisAttemptFailed(ANALYSIS, CASE, 1, "boom", true, false, T0))
                .when(new NodeCommands.RecordAttemptFailure(ANALYSIS, 1, "timed out", true, true, T0))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void the_next_attempt_follows_a_failed_one() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisAttemptFailed(ANALYSIS, CASE, 1, "boom", true, false, T0))
                .when(new NodeCommands.StartNextAttempt(ANALYSIS, 2, T0.plusSeconds(2)))
                .expectEvents(attemptStarted(ANALYSIS, 2, T0.plusSeconds(2)));
    }

    @Test
    void a_next_attempt_while_one_runs_is_refused() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0))
                .when(new NodeCommands.StartNextAttempt(ANALYSIS, 2, T0))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void the_last_failure_fails_the_node() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisAttemptFailed(ANALYSIS, CASE, 1, "boom", true, false, T0))
                .when(new NodeCommands.FailAnalysis(ANALYSIS, 3, "gave up", T0))
                .expectEvents(new NodeEvents.AnalysisFailed(ANALYSIS, CASE, 3, "gave up", T0));
    }

    @Test
    void a_completed_node_cannot_fail() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisConcluded(ANALYSIS, CASE, 1, NodeType.SOLUTION, NodeStatus.COMPLETED,
                                SOLUTION_CONTENT, METADATA, "OSPF", "Huawei", T0))
                .when(new NodeCommands.FailAnalysis(ANALYSIS, 3, "gave up", T0))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void a_failed_node_restarts_with_its_next_attempt() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisAttemptFailed(ANALYSIS, CASE, 1, "boom", false, false, T0),
                        new NodeEvents.AnalysisFailed(ANALYSIS, CASE, 1, "gave up", T0))
                .when(new NodeCommands.RestartAnalysis(ANALYSIS, T0.plusSeconds(60)))
                .expectEvents(new NodeEvents.AnalysisRestarted(ANALYSIS, CASE, T0.plusSeconds(60)),
                        attemptStarted(ANALYSIS, 2, T0.plusSeconds(60)));
    }

    @Test
    void a_node_that_has_not_failed_does_not_restart() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0))
                .when(new NodeCommands.RestartAnalysis(ANALYSIS, T0))
                .expectException(DomainException.class)
                .expectNoEvents();
    }
}
