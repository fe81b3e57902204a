package com.ipexpert.query.audit;

import java.time.Instant;

/** One row of the event store, as stored: the bytes a verifier hashes and an auditor reads. */
record StoredEvent(long globalIndex, String aggregateType, String aggregateId, long aggregateSequence,
                   String payloadType, String payloadRevision, Instant occurredAt, byte[] metaData, byte[] payload) {

    /** The event's simple name, e.g. {@code CaseOpened} for {@code com.ipexpert.api.cases.CaseEvents$CaseOpened}. */
    String type() {
        int cut = Math.max(payloadType.lastIndexOf('$'), payloadType.lastIndexOf('.'));
        return payloadType.substring(cut + 1);
    }
}
