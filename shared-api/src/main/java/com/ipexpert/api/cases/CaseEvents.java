package com.ipexpert.api.cases;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happened to a case: the shape of its graph (nodes and edges), which node awaits the user, its status.
 * Stored forever: fields are never renamed or repurposed; a change of shape gets a new revision and an upcaster.
 */
public final class CaseEvents {
    private CaseEvents() {
    }

    /** A case was opened with the engineer's question; its first analysis node starts at once. */
    @Revision("1")
    public record CaseOpened(CaseId caseId, String owner, String title, String query, List<Attachment> attachments,
                             NodeId queryNode, NodeId analysisNode, RetrievalSettings retrieval, Instant openedAt) {
    }

    /**
     * The engineer answered a clarifying question, or reported back on a proposed solution ("tried it, still failing"),
     * or gave "unsolved" feedback with a comment on it: a response node under {@code parentNode} and a new analysis
     * node join the graph. An answered clarification is completed by this.
     */
    @Revision("1")
    public record ClarificationAnswered(CaseId caseId, String answeredBy, NodeId parentNode, NodeId responseNode,
                                        NodeId analysisNode, Map<String, Object> response, RetrievalSettings retrieval,
                                        Instant answeredAt) {
    }

    /** An analysis node ended; for a clarification the node now awaits the user. Category and vendor are the agent's current view. */
    @Revision("1")
    public record AnalysisOutcomeRecorded(CaseId caseId, NodeId analysisNode, AnalysisOutcome outcome, String category,
                                          String vendor, String summary, List<String> questions, Instant recordedAt) {
    }

    @Revision("1")
    public record AnalysisRetryRequested(CaseId caseId, NodeId analysisNode, String requestedBy, Instant requestedAt) {
    }

    /**
     * Feedback starts its life pending review. Revision 2: {@code correctedSolution} is kept as given, a text or a JSON
     * object; revision 1 held a text, an object as its JSON text (upcast by {@code FeedbackGivenUpcaster}).
     */
    @Revision("2")
    public record FeedbackGiven(CaseId caseId, String feedbackId, String givenBy, FeedbackOutcome outcome,
                                String comment, CorrectedSolution correctedSolution, Instant givenAt) {
    }

    @Revision("1")
    public record CaseSolved(CaseId caseId, Instant solvedAt) {
    }

    @Revision("1")
    public record CaseClosed(CaseId caseId, String closedBy, Instant closedAt) {
    }

    /** An administrator approved or rejected a piece of feedback; each feedback is decided once. */
    @Revision("1")
    public record FeedbackReviewed(CaseId caseId, String feedbackId, String reviewedBy, ReviewDecision decision,
                                   String comment, Instant reviewedAt) {
    }

    /** An approved correction did not become a knowledge document: why, so no reviewer wonders where it went. */
    @Revision("1")
    public record CorrectionNotPublished(CaseId caseId, String feedbackId, String reason, Instant failedAt) {
    }

    /** The owner opened a solved or closed case again. */
    @Revision("1")
    public record CaseReopened(CaseId caseId, String reopenedBy, Instant reopenedAt) {
    }
}
