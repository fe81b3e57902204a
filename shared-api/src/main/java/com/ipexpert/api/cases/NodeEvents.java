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

    /**
     * A worker took the attempt up and began running it (it had waited in the analysis queue until {@code claimedAt}).
     * Only one worker claims an attempt; the attempt's deadline counts from here, so time spent queued never fails it.
     */
    @Revision("1")
    public record AnalysisAttemptClaimed(NodeId nodeId, CaseId caseId, int attempt, Instant claimedAt) {
    }

    /**
     * An attempt failed. {@code record} is what the attempt did before it failed: its retrieval, its model calls and
     * their tokens. Revision 2: revision 1 was stored with and without {@code record}; its upcaster gives the ones
     * without an empty record.
     */
    @Revision("2")
    public record AnalysisAttemptFailed(NodeId nodeId, CaseId caseId, int attempt, String reason, boolean retryable,
                                        boolean timedOut, Instant failedAt, Map<String, Object> record) {
        public AnalysisAttemptFailed {
            record = record == null ? Map.of() : record;
        }

        public AnalysisAttemptFailed(NodeId nodeId, CaseId caseId, int attempt, String reason, boolean retryable,
                                     boolean timedOut, Instant failedAt) {
            this(nodeId, caseId, attempt, reason, retryable, timedOut, failedAt, Map.of());
        }
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
