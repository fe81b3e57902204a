package com.ipexpert.command.feedback;

import com.ipexpert.edge.messaging.ReadsFrom;
import com.ipexpert.api.cases.CaseCommands.ReviewFeedback;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.ReviewDecision;
import com.ipexpert.api.feedback.FeedbackQueries.FindFeedback;
import com.ipexpert.api.feedback.FeedbackViews.FeedbackItem;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.edge.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * An administrator's decision on feedback. Feedback belongs to the case it was given on, so the decision is a
 * command to that case; the feedback's case is found through the feedback-review read model.
 */
@RestController
@RequestMapping("/api/v1/feedback")
@PreAuthorize("hasRole('admin')")
@Tag(name = "Feedback review")
class FeedbackReviewController {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    FeedbackReviewController(CommandGateway commands, QueryGateway queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    record ReviewRequest(String decision, String comment) {
    }

    @ReadsFrom("feedback-review") // finds the feedback's case in that read model
    @PostMapping("/{feedbackId}/review")
    @Operation(summary = "Approve or reject feedback", description = "Body {decision: approve|reject, comment}. Answers the feedback item; a second decision → 409, unknown feedback → 404.")
    FeedbackItem review(@PathVariable String feedbackId, @RequestBody(required = false) ReviewRequest request,
                        @AuthenticationPrincipal AuthenticatedUser user) {
        ReviewDecision decision = ReviewDecision.parse(request == null ? null : request.decision())
                .orElseThrow(() -> ApiException.badRequest("decision must be 'approve' or 'reject'"));
        if (request.comment() != null && request.comment().length() > 10_000) {
            throw ApiException.badRequest("comment is too long (10000 characters at most)");
        }
        Optional<FeedbackItem> found = queries.query(new FindFeedback(feedbackId),
                ResponseTypes.optionalInstanceOf(FeedbackItem.class)).join();
        FeedbackItem item = found.orElseThrow(() -> ApiException.notFound("Feedback " + feedbackId + " was not found"));
        Instant reviewedAt = clock.instant();
        commands.sendAndWait(new ReviewFeedback(CaseId.of(item.caseId()), user.requester(), feedbackId, decision,
                request.comment(), reviewedAt));
        return new FeedbackItem(item.feedbackId(), item.caseId(), item.outcome(), item.comment(), item.correctedSolution(),
                decision.reviewStatus(), item.createdAt(), user.id(), reviewedAt);
    }
}
