package com.ipexpert.api.feedback;

/** What the feedback-review read model answers. */
public final class FeedbackQueries {
    private FeedbackQueries() {
    }

    /** Feedback with the given review status (null: all), newest first; page counts from 1. */
    public record ListFeedback(String reviewStatus, int page, int pageSize) {
    }

    /** Answers an optional {@link FeedbackViews.FeedbackItem}. */
    public record FindFeedback(String feedbackId) {
    }
}
