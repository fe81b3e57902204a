package com.ipexpert.query.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.cases.CaseEvents.FeedbackGiven;
import com.ipexpert.api.cases.CaseEvents.FeedbackReviewed;
import com.ipexpert.api.cases.CorrectedSolution;
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
    private final ObjectMapper json;

    FeedbackReviewProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(FeedbackGiven e, @Timestamp Instant at) {
        jdbc.sql("""
                        insert into feedback_review (feedback_id, case_id, outcome, comment, corrected_solution,
                                                     corrected_solution_object, review_status, created_at)
                        select ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from feedback_review where feedback_id = ?)""")
                .params(e.feedbackId(), e.caseId().value(), e.outcome().wire(), e.comment(), text(e.correctedSolution()),
                        e.correctedSolution() != null && !e.correctedSolution().isText(), PENDING,
                        java.sql.Timestamp.from(e.givenAt() != null ? e.givenAt() : at), e.feedbackId())
                .update();
    }

    /** A text as it is, an object as its JSON text (marked as an object, so it is answered as one). */
    private String text(CorrectedSolution solution) {
        if (solution == null) return null;
        if (solution.value() instanceof String text) return text;
        try {
            return json.writeValueAsString(solution.value());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a corrected solution that is not JSON", ex);
        }
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
