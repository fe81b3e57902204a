package com.ipexpert.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/**
 * What the agent (worker and saga) asks of an analysis node about its attempts. Nodes are created, concluded, failed and
 * restarted by their case, in the case's unit of work, not by a command of their own.
 */
public final class NodeCommands {
    private NodeCommands() {
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

    /**
     * A worker is about to run the attempt: the node accepts this once per attempt, so a step sent twice (a queued step
     * sent again in case it was lost) runs once, and the attempt's deadline starts now rather than when it was queued.
     */
    public record ClaimAttempt(@TargetAggregateIdentifier NodeId nodeId, int attempt, Instant claimedAt) {
    }

    public record StartNextAttempt(@TargetAggregateIdentifier NodeId nodeId, int attempt, Instant startedAt) {
    }

}
