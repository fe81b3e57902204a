package com.ipexpert.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/** What the agent (worker and saga) asks of an analysis node. Nodes are created by their case, not by a command of their own. */
public final class NodeCommands {
    private NodeCommands() {
    }

    /** The worker's result for one attempt: the node becomes a clarification or a solution. */
    public record ConcludeAnalysis(@TargetAggregateIdentifier NodeId nodeId, int attempt, AnalysisOutcome outcome,
                                   Map<String, Object> content, Map<String, Object> metadata, String category,
                                   String vendor, Instant concludedAt) {
    }

    /**
     * One attempt threw or passed its deadline; {@code record} is what the attempt did before it failed (its
     * retrieval, the model calls it made and what they cost), for the audit trail.
     */
    public record RecordAttemptFailure(@TargetAggregateIdentifier NodeId nodeId, int attempt, String reason,
                                       boolean retryable, boolean timedOut, Instant failedAt, Map<String, Object> record) {
        public RecordAttemptFailure {
            record = record == null ? Map.of() : record;
        }

        public RecordAttemptFailure(NodeId nodeId, int attempt, String reason, boolean retryable, boolean timedOut, Instant failedAt) {
            this(nodeId, attempt, reason, retryable, timedOut, failedAt, Map.of());
        }
    }

    public record StartNextAttempt(@TargetAggregateIdentifier NodeId nodeId, int attempt, Instant startedAt) {
    }

    /** The last attempt failed: the node is FAILED with a readable reason. */
    public record FailAnalysis(@TargetAggregateIdentifier NodeId nodeId, int attempts, String reason, Instant failedAt) {
    }

    /** A FAILED node starts again, on the engineer's request relayed by the case. */
    public record RestartAnalysis(@TargetAggregateIdentifier NodeId nodeId, Instant restartedAt) {
    }
}
