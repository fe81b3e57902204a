package com.ipexpert.api.cases;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/** What happened to one node: its type, status and content, and every attempt of its analysis. */
public final class NodeEvents {
    private NodeEvents() {
    }

    @Revision("1")
    public record NodeCreated(NodeId nodeId, CaseId caseId, NodeType type, NodeStatus status,
                              Map<String, Object> content, Instant createdAt) {
    }

    /** An attempt at analysing the node began; the agent saga reacts by running the step. */
    @Revision("1")
    public record AnalysisAttemptStarted(NodeId nodeId, CaseId caseId, int attempt, RetrievalSettings retrieval,
                                         Instant startedAt) {
    }

    @Revision("1")
    public record AnalysisAttemptFailed(NodeId nodeId, CaseId caseId, int attempt, String reason, boolean retryable,
                                        boolean timedOut, Instant failedAt) {
    }

    /** The analysis ended: the node turned into {@code type} with {@code content}; {@code metadata} records how. */
    @Revision("1")
    public record AnalysisConcluded(NodeId nodeId, CaseId caseId, int attempt, NodeType type, NodeStatus status,
                                    Map<String, Object> content, Map<String, Object> metadata, String category,
                                    String vendor, Instant concludedAt) {
    }

    @Revision("1")
    public record AnalysisFailed(NodeId nodeId, CaseId caseId, int attempts, String reason, Instant failedAt) {
    }

    @Revision("1")
    public record AnalysisRestarted(NodeId nodeId, CaseId caseId, Instant restartedAt) {
    }
}
