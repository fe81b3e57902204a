package com.ipexpert.query.feedback;

import com.ipexpert.api.cases.CaseEvents.FeedbackGiven;
import com.ipexpert.api.cases.CaseEvents.FeedbackReviewed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Feedback waiting for review and the decisions taken on it. Idempotent and rebuilt by replay. */
@Component
@ProcessingGroup(FeedbackReviewProjection.PROCESSING_GROUP)
class FeedbackReviewProjection {
    static final String PROCESSING_GROUP = "feedback-review";
    static final String PENDING = "pending";
    private final JdbcClient jdbc;

    FeedbackReviewProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FeedbackGiven e, @Timestamp Instant at) {
        jdbc.sql("""
                        insert into feedback_review (feedback_id, case_id, outcome, comment, corrected_solution, review_status, created_at)
                        select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from feedback_review where feedback_id = ?)""")
                .params(e.feedbackId(), e.caseId().value(), e.outcome().wire(), e.comment(), e.correctedSolution(), PENDING,
                        java.sql.Timestamp.from(e.givenAt() != null ? e.givenAt() : at), e.feedbackId())
                .update();
    }

    @EventHandler
    void on(FeedbackReviewed e, @Timestamp Instant at) {
        jdbc.sql("""
                        update feedback_review set review_status = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ?
                         where feedback_id = ?""")
                .params(e.decision().reviewStatus(), e.reviewedBy(),
                        java.sql.Timestamp.from(e.reviewedAt() != null ? e.reviewedAt() : at), e.comment(), e.feedbackId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from feedback_review").update();
    }
}
