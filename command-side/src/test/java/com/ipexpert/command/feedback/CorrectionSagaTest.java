package com.ipexpert.command.feedback;

import com.ipexpert.api.cases.CorrectedSolution;
import com.ipexpert.api.cases.CaseEvents.FeedbackGiven;
import com.ipexpert.api.cases.CaseEvents.FeedbackReviewed;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.FeedbackOutcome;
import com.ipexpert.api.cases.ReviewDecision;
import com.ipexpert.api.knowledge.CorrectionCommands.PublishCorrection;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CorrectionSagaTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final CaseId CASE = CaseId.of("case-1");
    private static final String FEEDBACK = "f-1";
    private SagaTestFixture<CorrectionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CorrectionSaga.class);
        fixture.setCallbackBehavior((command, metaData) -> null);
    }

    private static FeedbackGiven given(String correction) {
        return given(correction == null ? null : CorrectedSolution.text(correction));
    }

    private static FeedbackGiven given(CorrectedSolution correction) {
        return new FeedbackGiven(CASE, FEEDBACK, "u-owner", FeedbackOutcome.UNSOLVED, "MTU was the cause", correction, T0);
    }

    private static FeedbackReviewed reviewed(ReviewDecision decision) {
        return new FeedbackReviewed(CASE, FEEDBACK, "u-admin", decision, "ok", T0.plusSeconds(60));
    }

    @Test
    void an_approved_correction_is_published_as_a_knowledge_document() {
        fixture.givenAggregate(CASE.value()).published(given("ospf mtu-enable on both ends"))
                .whenAggregate(CASE.value()).publishes(reviewed(ReviewDecision.APPROVE))
                .expectDispatchedCommands(new PublishCorrection(CorrectionSaga.documentFor(FEEDBACK), CASE, FEEDBACK,
                        "u-admin", "ospf mtu-enable on both ends", "MTU was the cause"))
                .expectActiveSagas(0);
    }

    @Test
    void an_approved_correction_given_as_an_object_is_published_as_its_json() {
        fixture.givenAggregate(CASE.value()).published(given(CorrectedSolution.object(java.util.Map.of("steps", java.util.List.of("mtu 1500")))))
                .whenAggregate(CASE.value()).publishes(reviewed(ReviewDecision.APPROVE))
                .expectDispatchedCommands(new PublishCorrection(CorrectionSaga.documentFor(FEEDBACK), CASE, FEEDBACK,
                        "u-admin", "{\"steps\":[\"mtu 1500\"]}", "MTU was the cause"))
                .expectActiveSagas(0);
    }

    @Test
    void a_rejected_correction_teaches_nothing() {
        fixture.givenAggregate(CASE.value()).published(given("ospf mtu-enable on both ends"))
                .whenAggregate(CASE.value()).publishes(reviewed(ReviewDecision.REJECT))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void feedback_without_a_correction_waits_for_no_review() {
        fixture.givenNoPriorActivity()
                .whenAggregate(CASE.value()).publishes(given("  "))
                .expectActiveSagas(0);
        fixture.givenNoPriorActivity()
                .whenAggregate(CASE.value()).publishes(given((String) null))
                .expectActiveSagas(0);
        fixture.givenNoPriorActivity()
                .whenAggregate(CASE.value()).publishes(given(CorrectedSolution.object(java.util.Map.of())))
                .expectActiveSagas(0);
    }

    @Test
    void a_feedback_always_becomes_the_same_document() {
        assertThat(CorrectionSaga.documentFor(FEEDBACK)).isEqualTo(CorrectionSaga.documentFor(FEEDBACK));
        assertThat(CorrectionSaga.documentFor(FEEDBACK)).isNotEqualTo(CorrectionSaga.documentFor("f-2"));
    }
}
