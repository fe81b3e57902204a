package com.ipexpert.command.cases;

import com.ipexpert.api.cases.CorrectedSolution;
import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseCommands;
import com.ipexpert.api.cases.CaseEvents;
import com.ipexpert.api.cases.FeedbackOutcome;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.ipexpert.command.cases.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class CaseTest {
    private AggregateTestFixture<Case> fixture;
    private EventStore nodeEvents;

    @BeforeEach
    void setUp() {
        nodeEvents = nodeEventStore();
        fixture = caseFixture(nodeEvents);
    }

    private static Map<String, Object> queryContent() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("text", QUERY_TEXT);
        content.put("attachments", List.of());
        return content;
    }

    @Test
    void opening_a_case_adds_the_question_node_and_a_running_analysis_node() {
        fixture.givenNoPriorActivity()
                .when(openCase(QUERY_TEXT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(caseOpened());
        assertThat(payloadsOf(nodeEvents, QUERY, ANALYSIS)).containsExactly(
                nodeCreated(QUERY, NodeType.USER_QUERY, NodeStatus.COMPLETED, queryContent(), T0),
                nodeCreated(ANALYSIS, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, null, T0),
                attemptStarted(ANALYSIS, 1, T0));
    }

    @Test
    void a_long_question_gives_a_title_cut_to_a_hundred_characters() {
        assertThat(Case.titleOf("x".repeat(150))).isEqualTo("x".repeat(100) + "...");
        assertThat(Case.titleOf("x".repeat(100))).isEqualTo("x".repeat(100));
    }

    @Test
    void an_empty_question_is_refused() {
        fixture.givenNoPriorActivity()
                .when(openCase("   "))
                .expectException(DomainException.class)
                .expectExceptionMessage("问题描述不能为空")
                .expectNoEvents();
    }

    @Test
    void an_answer_to_the_node_awaiting_input_adds_a_response_and_a_new_analysis() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.CLARIFICATION))
                .when(answerClarification(OWNER, ANALYSIS))
                .expectEvents(clarificationAnswered());
        assertThat(payloadsOf(nodeEvents, RESPONSE, NEXT_ANALYSIS)).containsExactly(
                nodeCreated(RESPONSE, NodeType.USER_RESPONSE, NodeStatus.COMPLETED,
                        answer("华为 NE40E，MTU 两端不一致"), T0.plusSeconds(60)),
                nodeCreated(NEXT_ANALYSIS, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, null, T0.plusSeconds(60)),
                attemptStarted(NEXT_ANALYSIS, 1, T0.plusSeconds(60)));
    }

    @Test
    void an_answer_to_a_node_that_is_not_waiting_is_refused() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.FAILED))
                .when(answerClarification(OWNER, ANALYSIS))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is not waiting for your input"))
                .expectNoEvents();
    }

    @Test
    void an_answer_while_the_analysis_is_still_running_is_refused() {
        fixture.given(caseOpened())
                .when(answerClarification(OWNER, ANALYSIS))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is not waiting for your input"))
                .expectNoEvents();
    }

    @Test
    void an_answer_to_the_question_node_is_refused() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.CLARIFICATION))
                .when(answerClarification(OWNER, QUERY))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void an_answer_to_a_node_of_another_case_is_refused_as_not_found() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.CLARIFICATION))
                .when(answerClarification(OWNER, NodeId.of("n-analysis-of-another-case")))
                .expectException(new org.hamcrest.FeatureMatcher<Object, String>(org.hamcrest.Matchers.is("NOT_FOUND"), "refusal kind", "kind") {
                    @Override
                    protected String featureValueOf(Object e) {
                        return e instanceof DomainException d ? d.kind().name() : String.valueOf(e);
                    }
                })
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is not part of this case"))
                .expectNoEvents();
    }

    @Test
    void another_users_answer_is_refused_as_if_the_case_did_not_exist() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.CLARIFICATION))
                .when(answerClarification(STRANGER, ANALYSIS))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("was not found"))
                .expectNoEvents();
    }

    @Test
    void a_closed_case_takes_no_interaction() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.CLARIFICATION),
                        new CaseEvents.CaseClosed(CASE, OWNER.userId(), T0.plusSeconds(30)))
                .when(answerClarification(OWNER, ANALYSIS))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("closed"))
                .expectNoEvents();
    }

    @Test
    void an_empty_answer_is_refused() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.CLARIFICATION))
                .when(new CaseCommands.AnswerClarification(CASE, OWNER, ANALYSIS, RESPONSE, NEXT_ANALYSIS, Map.of(),
                        RETRIEVAL, T0))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void solved_feedback_from_the_owner_solves_the_case() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.SOLUTION))
                .when(new CaseCommands.GiveFeedback(CASE, OWNER, "f1", FeedbackOutcome.SOLVED, "works", null, T0.plusSeconds(120)))
                .expectEvents(new CaseEvents.FeedbackGiven(CASE, "f1", OWNER.userId(), FeedbackOutcome.SOLVED, "works", null, T0.plusSeconds(120)),
                        new CaseEvents.CaseSolved(CASE, T0.plusSeconds(120)));
    }

    @Test
    void unsolved_feedback_leaves_the_case_open() {
        fixture.given(caseOpened(), outcome(ANALYSIS, AnalysisOutcome.SOLUTION))
                .when(new CaseCommands.GiveFeedback(CASE, OWNER, "f1", FeedbackOutcome.UNSOLVED, "no", CorrectedSolution.text("check MTU"), T0))
                .expectEvents(new CaseEvents.FeedbackGiven(CASE, "f1", OWNER.userId(), FeedbackOutcome.UNSOLVED, "no", CorrectedSolution.text("check MTU"), T0));
    }

    @Test
    void feedback_from_anyone_but_the_owner_is_refused() {
        fixture.given(caseOpened())
                .when(new CaseCommands.GiveFeedback(CASE, STRANGER, "f1", FeedbackOutcome.SOLVED, null, null, T0))
                .expectException(DomainException.class)
                .expectNoEvents();
        fixture.given(caseOpened())
                .when(new CaseCommands.GiveFeedback(CASE, ADMIN, "f1", FeedbackOutcome.SOLVED, null, null, T0))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("Only the engineer"))
                .expectNoEvents();
    }

    @Test
    void the_owner_or_an_admin_closes_a_case_once() {
        fixture.given(caseOpened())
                .when(new CaseCommands.CloseCase(CASE, ADMIN, T0))
                .expectEvents(new CaseEvents.CaseClosed(CASE, ADMIN.userId(), T0));
        fixture.given(caseOpened(), new CaseEvents.CaseClosed(CASE, OWNER.userId(), T0))
                .when(new CaseCommands.CloseCase(CASE, OWNER, T0))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void a_stranger_cannot_close_a_case() {
        fixture.given(caseOpened())
                .when(new CaseCommands.CloseCase(CASE, STRANGER, T0))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void refusals_carry_the_kind_the_api_answers_with() {
        assertThat(CaseRefusals.caseNotFound(CASE).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(CaseRefusals.notAwaitingInput(ANALYSIS).kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(CaseRefusals.emptyQuery().kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
    }
}
