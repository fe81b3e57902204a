package com.ipexpert.api.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ipexpert.api.cases.CorrectedSolution;

import java.time.Instant;
import java.util.List;

/** Read-model shapes of feedback review, as the REST contract spells them (some fields are snake_case). */
public final class FeedbackViews {
    private FeedbackViews() {
    }

    public record FeedbackItem(String feedbackId, String caseId, String outcome, String comment,
                               @JsonProperty("corrected_solution") CorrectedSolution correctedSolution,
                               @JsonProperty("review_status") String reviewStatus, Instant createdAt,
                               String reviewedBy, Instant reviewedAt) {
    }

    public record FeedbackPage(List<FeedbackItem> items, long total, int page, int pageSize) {
    }
}
