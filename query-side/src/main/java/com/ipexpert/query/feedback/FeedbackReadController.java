package com.ipexpert.query.feedback;

import com.ipexpert.edge.messaging.ReadsFrom;
import com.ipexpert.api.feedback.FeedbackQueries.ListFeedback;
import com.ipexpert.api.feedback.FeedbackViews.FeedbackPage;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.query.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Feedback for administrators to review. */
@ReadsFrom(FeedbackReviewProjection.PROCESSING_GROUP)
@RestController
@RequestMapping("/api/v1/feedback")
@PreAuthorize("hasRole('admin')")
@Tag(name = "Feedback review")
class FeedbackReadController {
    private static final Set<String> STATUSES = Set.of("pending", "approved", "rejected");
    private final QueryGateway queries;

    FeedbackReadController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Feedback to review", description = "review_status pending|approved|rejected (default: all), page (from 1), pageSize (1..100); newest first.")
    FeedbackPage list(@RequestParam(name = "review_status", required = false) String reviewStatus,
                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer pageSize) {
        Paging paging = Paging.of(page, pageSize);
        String status = reviewStatus == null || reviewStatus.isBlank() ? null : reviewStatus.trim().toLowerCase(java.util.Locale.ROOT);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("review_status must be pending, approved or rejected");
        }
        return queries.query(new ListFeedback(status, paging.page(), paging.pageSize()), FeedbackPage.class).join();
    }
}
