package com.ipexpert.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Read shapes of the audit trail: every case of every user, and each case's events as the event store holds them. */
public final class AuditViews {
    private AuditViews() {
    }

    public record AuditCase(String caseId, String title, String status, String owner, Instant createdAt,
                            Instant updatedAt) {
    }

    public record AuditCasePage(List<AuditCase> items, long total, int page, int pageSize) {
    }

    /** One stored event: {@code sequence} is its global position, {@code aggregateSequence} its place in its aggregate. */
    public record AuditEvent(long sequence, String aggregateType, String aggregateId, long aggregateSequence,
                             String type, Instant occurredAt, String actor, String correlationId,
                             Map<String, Object> payload) {
    }

    public record CaseHistory(String caseId, List<AuditEvent> events) {
    }

    /** The first event that fails its chain, and why ({@code reason}: link, seal, gap, unsealed, checkpoint). */
    public record InvalidEvent(String aggregateId, long sequence,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
        public InvalidEvent(String aggregateId, long sequence) {
            this(aggregateId, sequence, null);
        }
    }

    /** Events an aggregate's sealed head says exist but the store no longer holds: sequences {@code from..to}. */
    public record MissingRange(String aggregateId, long fromSequence, long toSequence) {
    }

    /**
     * {@code firstInvalid} and {@code missing} are left out of the answer when every link holds; {@code legacyEvents}
     * counts events stored before seals existed (checked by their plain links only), left out when there are none.
     */
    public record ChainVerdict(boolean valid, int events,
                               @JsonInclude(JsonInclude.Include.NON_NULL) InvalidEvent firstInvalid,
                               @JsonInclude(JsonInclude.Include.NON_NULL) MissingRange missing,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer legacyEvents) {
        public ChainVerdict(boolean valid, int events, InvalidEvent firstInvalid) {
            this(valid, events, firstInvalid, null, null);
        }
    }
}
