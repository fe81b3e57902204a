package com.ipexpert.command.cases;

import com.ipexpert.api.cases.CorrectedSolution;
import com.ipexpert.api.cases.CaseCommands.ReviewFeedback;
import com.ipexpert.api.cases.CaseEvents.FeedbackGiven;
import com.ipexpert.api.cases.CaseEvents.FeedbackReviewed;
import com.ipexpert.api.cases.FeedbackOutcome;
import com.ipexpert.api.cases.ReviewDecision;
import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.identity.Requester;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static com.ipexpert.command.cases.CaseFixtures.*;
/** Feedback on a case waits for an administrator's decision, taken once. */
class FeedbackReviewTest {
    private static final String FEEDBACK = "fb-1";
    private static final Instant REVIEWED_AT = T0.plusSeconds(600);
    private static final Requester AUDITOR = new Requester("u-auditor", Set.of(Requester.AUDITOR));
    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = caseFixture(nodeEventStore());
    }

    private static FeedbackGiven feedbackGiven() {
        return new FeedbackGiven(CASE, FEEDBACK, OWNER.userId(), FeedbackOutcome.UNSOLVED, "没有解决",
                CorrectedSolution.text("检查两端MTU并统一为1500"), T0.plusSeconds(300));
    }

    private static ReviewFeedback review(Requester who, String feedbackId, ReviewDecision decision) {
        return new ReviewFeedback(CASE, who, feedbackId, decision, "核实无误", REVIEWED_AT);
    }

    @Test
    void an_administrator_approves_pending_feedback() {
        fixture.given(caseOpened(), feedbackGiven())
                .when(review(ADMIN, FEEDBACK, ReviewDecision.APPROVE))
                .expectEvents(new FeedbackReviewed(CASE, FEEDBACK, ADMIN.userId(), ReviewDecision.APPROVE, "核实无误",
                        REVIEWED_AT));
    }

    @Test
    void an_administrator_rejects_pending_feedback() {
        fixture.given(caseOpened(), feedbackGiven())
                .when(review(ADMIN, FEEDBACK, ReviewDecision.REJECT))
                .expectEvents(new FeedbackReviewed(CASE, FEEDBACK, ADMIN.userId(), ReviewDecision.REJECT, "核实无误",
                        REVIEWED_AT));
    }

    @Test
    void feedback_already_decided_is_not_decided_again() {
        fixture.given(caseOpened(), feedbackGiven(),
                        new FeedbackReviewed(CASE, FEEDBACK, ADMIN.userId(), ReviewDecision.APPROVE, null, REVIEWED_AT))
                .when(review(ADMIN, FEEDBACK, ReviewDecision.REJECT))
                .expectException(DomainException.class)
                .expectExceptionMessage("Feedback fb-1 has already been reviewed (approved)")
                .expectNoEvents();
    }

    @Test
    void only_administrators_review_feedback() {
        for (Requester who : new Requester[]{OWNER, AUDITOR}) {
            fixture.given(caseOpened(), feedbackGiven())
                    .when(review(who, FEEDBACK, ReviewDecision.APPROVE))
                    .expectNoEvents()
                    .expectExceptionMessage("Only administrators review feedback");
        }
    }

    @Test
    void feedback_the_case_does_not_know_is_not_found() {
        fixture.given(caseOpened(), feedbackGiven())
                .when(review(ADMIN, "fb-unknown", ReviewDecision.APPROVE))
                .expectNoEvents()
                .expectExceptionMessage("Feedback fb-unknown was not found");
    }

    @Test
    void a_review_without_a_decision_is_refused() {
        fixture.given(caseOpened(), feedbackGiven())
                .when(review(ADMIN, FEEDBACK, null))
                .expectNoEvents()
                .expectExceptionMessage("decision must be 'approve' or 'reject'");
    }

    @Test
    void an_approved_correction_that_could_not_be_published_leaves_the_reason_on_the_case() {
        fixture.given(caseOpened(), feedbackGiven(), new FeedbackReviewed(CASE, FEEDBACK, ADMIN.userId(),
                        ReviewDecision.APPROVE, "核实无误", REVIEWED_AT))
                .when(new com.ipexpert.api.cases.CaseCommands.RecordCorrectionNotPublished(CASE, FEEDBACK, "disk full",
                        REVIEWED_AT.plusSeconds(1)))
                .expectEvents(new com.ipexpert.api.cases.CaseEvents.CorrectionNotPublished(CASE, FEEDBACK, "disk full",
                        REVIEWED_AT.plusSeconds(1)));
    }

    @Test
    void only_an_approved_correction_can_fail_to_be_published() {
        fixture.given(caseOpened(), feedbackGiven())
                .when(new com.ipexpert.api.cases.CaseCommands.RecordCorrectionNotPublished(CASE, FEEDBACK, "disk full",
                        REVIEWED_AT))
                .expectException(DomainException.class)
                .expectNoEvents();
    }
}
