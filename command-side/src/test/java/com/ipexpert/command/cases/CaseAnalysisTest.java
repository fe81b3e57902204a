package com.ipexpert.command.cases;

import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseCommands;
import com.ipexpert.api.cases.CaseEvents;
import com.ipexpert.api.cases.NodeEvents;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.errors.DomainException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.ipexpert.command.cases.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** How an analysis ends: the node and its case change together, in one unit of work, or neither does. */
class CaseAnalysisTest {
    private AggregateTestFixture<Case> fixture;
    private EventStore nodeEvents;

    @BeforeEach
    void setUp() {
        nodeEvents = nodeEventStore();
        fixture = caseFixture(nodeEvents);
        runningAnalysis(nodeEvents, ANALYSIS);
    }

    private List<Object> analysisNodeEvents() {
        return payloadsOf(nodeEvents, ANALYSIS);
    }

    @Test
    void a_solution_concludes_the_node_and_is_recorded_on_the_case_together() {
        fixture.given(caseOpened())
                .when(conclude(ANALYSIS, 1, AnalysisOutcome.SOLUTION))
                .expectEvents(new CaseEvents.AnalysisOutcomeRecorded(CASE, ANALYSIS, AnalysisOutcome.SOLUTION, "OSPF",
                        "Huawei", "summary", List.of(), T0.plusSeconds(5)));
        assertThat(analysisNodeEvents()).last().isEqualTo(new NodeEvents.AnalysisConcluded(ANALYSIS, CASE, 1,
                NodeType.SOLUTION, NodeStatus.COMPLETED, Map.of("answer", "summary"), Map.of("analyst", "offline"), "OSPF",
                "Huawei", T0.plusSeconds(5)));
    }

    @Test
    void a_clarification_can_be_answered_the_moment_the_node_shows_it() {
        fixture.given(caseOpened())
                .andGivenCommands(conclude(ANALYSIS, 1, AnalysisOutcome.CLARIFICATION))
                .when(answerClarification(OWNER, ANALYSIS))
                .expectEvents(clarificationAnswered());
        assertThat(analysisNodeEvents()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                NodeEvents.AnalysisConcluded.class, c -> assertThat(c.status()).isEqualTo(NodeStatus.AWAITING_USER_INPUT)));
    }

    @Test
    void a_late_answer_of_a_timed_out_attempt_changes_neither_the_node_nor_the_case() {
        nodeHistory(nodeEvents, NEXT_ANALYSIS, nodeCreated(NEXT_ANALYSIS, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, null, T0),
                attemptStarted(NEXT_ANALYSIS, 1, T0),
                new NodeEvents.AnalysisAttemptFailed(NEXT_ANALYSIS, CASE, 1, "timed out", true, true, T0),
                attemptStarted(NEXT_ANALYSIS, 2, T0));
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.CLARIFICATION), clarificationAnswered())
                .when(conclude(NEXT_ANALYSIS, 1, AnalysisOutcome.SOLUTION))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no longer current"))
                .expectNoEvents();
        assertThat(payloadsOf(nodeEvents, NEXT_ANALYSIS)).noneMatch(NodeEvents.AnalysisConcluded.class::isInstance);
    }

    @Test
    void an_analysis_that_already_ended_cannot_conclude_again() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.SOLUTION))
                .when(conclude(ANALYSIS, 1, AnalysisOutcome.SOLUTION))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void a_failure_is_not_a_conclusion() {
        fixture.given(caseOpened())
                .when(conclude(ANALYSIS, 1, AnalysisOutcome.FAILED))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void a_node_outside_the_case_is_refused() {
        fixture.given(caseOpened())
                .when(conclude(RESPONSE, 1, AnalysisOutcome.SOLUTION))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void the_last_failure_fails_the_node_and_is_recorded_on_the_case() {
        fixture.given(caseOpened())
                .when(new CaseCommands.FailAnalysis(CASE, ANALYSIS, 3, "gave up", T0.plusSeconds(9)))
                .expectEvents(new CaseEvents.AnalysisOutcomeRecorded(CASE, ANALYSIS, AnalysisOutcome.FAILED, null, null,
                        "gave up", List.of(), T0.plusSeconds(9)));
        assertThat(analysisNodeEvents()).last().isEqualTo(new NodeEvents.AnalysisFailed(ANALYSIS, CASE, 3, "gave up",
                T0.plusSeconds(9)));
    }

    @Test
    void a_concluded_analysis_cannot_fail() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.SOLUTION))
                .when(new CaseCommands.FailAnalysis(CASE, ANALYSIS, 3, "gave up", T0))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void a_retry_by_the_owner_restarts_the_failed_node_with_its_next_attempt() {
        fixture.given(caseOpened())
                .andGivenCommands(new CaseCommands.FailAnalysis(CASE, ANALYSIS, 1, "gave up", T0))
                .when(new CaseCommands.RetryAnalysis(CASE, OWNER, ANALYSIS, T0.plusSeconds(90)))
                .expectEvents(new CaseEvents.AnalysisRetryRequested(CASE, ANALYSIS, OWNER.userId(), T0.plusSeconds(90)));
        assertThat(analysisNodeEvents()).endsWith(new NodeEvents.AnalysisRestarted(ANALYSIS, CASE, T0.plusSeconds(90)),
                attemptStarted(ANALYSIS, 2, T0.plusSeconds(90)));
    }

    @Test
    void an_analysis_that_has_not_failed_cannot_be_retried() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.SOLUTION))
                .when(new CaseCommands.RetryAnalysis(CASE, OWNER, ANALYSIS, T0.plusSeconds(90)))
                .expectException(DomainException.class)
                .expectNoEvents();
    }
}
