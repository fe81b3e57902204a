package com.ipexpert.command.cases;

import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseCommands;
import com.ipexpert.api.cases.CaseEvents;
import com.ipexpert.api.cases.FeedbackOutcome;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.api.errors.DomainException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.ipexpert.command.cases.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A case goes on after a solution: a report on it, or "unsolved" with a comment, starts a new step; its owner reopens it. */
class ContinuingACaseTest {
    private static final String FEEDBACK = "fb-1";
    private AggregateTestFixture<Case> fixture;
    private EventStore nodeEvents;

    @BeforeEach
    void setUp() {
        nodeEvents = nodeEventStore();
        fixture = caseFixture(nodeEvents);
    }

    private static CaseEvents.CaseReopened reopened() {
        return new CaseEvents.CaseReopened(CASE, OWNER.userId(), T0.plusSeconds(300));
    }

    @Test
    void a_report_on_the_proposed_solution_starts_a_new_analysis_step() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.SOLUTION))
                .when(answerClarification(OWNER, ANALYSIS))
                .expectEvents(clarificationAnswered());
        assertThat(payloadsOf(nodeEvents, NEXT_ANALYSIS)).containsExactly(
                nodeCreated(NEXT_ANALYSIS, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, null, T0.plusSeconds(60)),
                attemptStarted(NEXT_ANALYSIS, 1, T0.plusSeconds(60)));
    }

    @Test
    void a_report_on_a_solution_while_a_newer_step_runs_is_refused() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.SOLUTION), clarificationAnswered())
                .when(new CaseCommands.AnswerClarification(CASE, OWNER, ANALYSIS, NodeId("n-r2"), NodeId("n-a3"),
                        answer("again"), RETRIEVAL, T0.plusSeconds(90)))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void a_solved_case_must_be_reopened_before_it_goes_on_from_its_solution() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.SOLUTION), new CaseEvents.CaseSolved(CASE, T0))
                .when(answerClarification(OWNER, ANALYSIS))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("reopen"))
                .expectNoEvents();
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.SOLUTION), new CaseEvents.CaseSolved(CASE, T0),
                        reopened())
                .when(answerClarification(OWNER, ANALYSIS))
                .expectEvents(clarificationAnswered());
    }

    @Test
    void unsolved_feedback_with_a_comment_on_a_solution_starts_a_new_step_from_the_comment() {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("text", "MTU已统一，邻居仍然卡在ExStart");
        response.put("feedbackId", FEEDBACK);
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.SOLUTION))
                .when(new CaseCommands.GiveFeedback(CASE, OWNER, FEEDBACK, FeedbackOutcome.UNSOLVED,
                        " MTU已统一，邻居仍然卡在ExStart ", null, T0.plusSeconds(120), RESPONSE, NEXT_ANALYSIS))
                .expectEvents(new CaseEvents.FeedbackGiven(CASE, FEEDBACK, OWNER.userId(), FeedbackOutcome.UNSOLVED,
                                " MTU已统一，邻居仍然卡在ExStart ", null, T0.plusSeconds(120)),
                        new CaseEvents.ClarificationAnswered(CASE, OWNER.userId(), ANALYSIS, RESPONSE, NEXT_ANALYSIS,
                                response, RetrievalSettings.defaults(), T0.plusSeconds(120)))
                .expectResultMessagePayload(NEXT_ANALYSIS);
    }

    @Test
    void unsolved_feedback_without_a_comment_only_records_the_feedback() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.SOLUTION))
                .when(new CaseCommands.GiveFeedback(CASE, OWNER, FEEDBACK, FeedbackOutcome.UNSOLVED, "  ", null,
                        T0.plusSeconds(120), RESPONSE, NEXT_ANALYSIS))
                .expectEvents(new CaseEvents.FeedbackGiven(CASE, FEEDBACK, OWNER.userId(), FeedbackOutcome.UNSOLVED, "  ",
                        null, T0.plusSeconds(120)))
                .expectResultMessagePayload(null);
    }

    @Test
    void the_owner_reopens_a_solved_or_closed_case() {
        fixture.given(caseOpened(), new CaseEvents.CaseSolved(CASE, T0))
                .when(new CaseCommands.ReopenCase(CASE, OWNER, T0.plusSeconds(300)))
                .expectEvents(reopened());
        fixture.given(caseOpened(), new CaseEvents.CaseClosed(CASE, OWNER.userId(), T0))
                .when(new CaseCommands.ReopenCase(CASE, OWNER, T0.plusSeconds(300)))
                .expectEvents(reopened());
    }

    @Test
    void an_open_case_is_not_reopened_and_no_one_else_reopens_one() {
        fixture.given(caseOpened())
                .when(new CaseCommands.ReopenCase(CASE, OWNER, T0))
                .expectException(DomainException.class)
                .expectNoEvents();
        fixture.given(caseOpened(), new CaseEvents.CaseClosed(CASE, OWNER.userId(), T0))
                .when(new CaseCommands.ReopenCase(CASE, ADMIN, T0))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("was not found"))
                .expectNoEvents();
    }

    @Test
    void a_clarification_left_waiting_when_the_case_was_closed_can_be_answered_after_reopening() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.CLARIFICATION),
                        new CaseEvents.CaseClosed(CASE, OWNER.userId(), T0), reopened())
                .when(answerClarification(OWNER, ANALYSIS))
                .expectEvents(clarificationAnswered());
    }

    private static com.ipexpert.api.cases.NodeId NodeId(String id) {
        return com.ipexpert.api.cases.NodeId.of(id);
    }
}
