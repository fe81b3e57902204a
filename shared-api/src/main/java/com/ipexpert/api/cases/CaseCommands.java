package com.ipexpert.api.cases;

import com.ipexpert.api.identity.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What can be asked of a case. Identifiers and times are chosen by the caller, so the aggregate stays free of I/O and clocks. */
public final class CaseCommands {
    private CaseCommands() {
    }

    public record OpenCase(@TargetAggregateIdentifier CaseId caseId, Requester requester, String query,
                           List<Attachment> attachments, NodeId queryNode, NodeId analysisNode,
                           RetrievalSettings retrieval, Instant openedAt) {
    }

    public record AnswerClarification(@TargetAggregateIdentifier CaseId caseId, Requester requester, NodeId parentNode,
                                      NodeId responseNode, NodeId analysisNode, Map<String, Object> response,
                                      RetrievalSettings retrieval, Instant answeredAt) {
    }

    /**
     * The worker's result for one attempt of an analysis node: the node becomes a clarification or a solution, and the
     * case records the outcome in the same unit of work, so an answer to the clarification is never refused as early.
     */
    public record ConcludeAnalysis(@TargetAggregateIdentifier CaseId caseId, NodeId analysisNode, int attempt,
                                   AnalysisOutcome outcome, Map<String, Object> content, Map<String, Object> metadata,
                                   String category, String vendor, Instant concludedAt) {
    }

    /** The last attempt of an analysis failed: the node is FAILED with a readable reason, and the case records it. */
    public record FailAnalysis(@TargetAggregateIdentifier CaseId caseId, NodeId analysisNode, int attempts, String reason,
                               Instant failedAt) {
    }

    public record RetryAnalysis(@TargetAggregateIdentifier CaseId caseId, Requester requester, NodeId analysisNode,
                                Instant requestedAt) {
    }

    /**
     * Feedback on the case. "unsolved" with a comment on a case whose last analysis proposed a solution continues the
     * case: the comment becomes a response node under that solution and {@code analysisNode} a new analysis step
     * ({@code responseNode} and {@code analysisNode} are chosen by the caller; unused otherwise).
     */
    public record GiveFeedback(@TargetAggregateIdentifier CaseId caseId, Requester requester, String feedbackId,
                               FeedbackOutcome outcome, String comment, CorrectedSolution correctedSolution, Instant givenAt,
                               NodeId responseNode, NodeId analysisNode) {
        public GiveFeedback(CaseId caseId, Requester requester, String feedbackId, FeedbackOutcome outcome, String comment,
                            CorrectedSolution correctedSolution, Instant givenAt) {
            this(caseId, requester, feedbackId, outcome, comment, correctedSolution, givenAt, null, null);
        }
    }

    /** The owner opens a solved or closed case again, to go on with it. */
    public record ReopenCase(@TargetAggregateIdentifier CaseId caseId, Requester requester, Instant reopenedAt) {
    }

    public record CloseCase(@TargetAggregateIdentifier CaseId caseId, Requester requester, Instant closedAt) {
    }

    /** An administrator's decision on a piece of feedback given on this case. */
    public record ReviewFeedback(@TargetAggregateIdentifier CaseId caseId, Requester requester, String feedbackId,
                                 ReviewDecision decision, String comment, Instant reviewedAt) {
    }

    /** An approved correction could not be published as knowledge; {@code reason} says why, for the case's history. */
    public record RecordCorrectionNotPublished(@TargetAggregateIdentifier CaseId caseId, String feedbackId, String reason,
                                               Instant failedAt) {
    }
}
