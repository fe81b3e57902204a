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

    /** Sent by the agent saga once a node's analysis has ended, so the case knows which node awaits the user. */
    public record RecordAnalysisOutcome(@TargetAggregateIdentifier CaseId caseId, NodeId analysisNode,
                                        AnalysisOutcome outcome, String category, String vendor, String summary,
                                        List<String> questions, Instant recordedAt) {
    }

    public record RetryAnalysis(@TargetAggregateIdentifier CaseId caseId, Requester requester, NodeId analysisNode,
                                Instant requestedAt) {
    }

    public record GiveFeedback(@TargetAggregateIdentifier CaseId caseId, Requester requester, String feedbackId,
                               FeedbackOutcome outcome, String comment, String correctedSolution, Instant givenAt) {
    }

    public record CloseCase(@TargetAggregateIdentifier CaseId caseId, Requester requester, Instant closedAt) {
    }

    /** An administrator's decision on a piece of feedback given on this case. */
    public record ReviewFeedback(@TargetAggregateIdentifier CaseId caseId, Requester requester, String feedbackId,
                                 ReviewDecision decision, String comment, Instant reviewedAt) {
    }
}
