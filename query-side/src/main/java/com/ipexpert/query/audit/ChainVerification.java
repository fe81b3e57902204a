package com.ipexpert.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.audit.AuditViews.ChainVerdict;
import com.ipexpert.api.audit.AuditViews.InvalidEvent;
import com.ipexpert.api.audit.AuditViews.MissingRange;
import com.ipexpert.edge.audit.ChainCheckpoints.Checkpoint;
import com.ipexpert.edge.audit.ChainKey;
import com.ipexpert.edge.audit.EventLinks;
import com.ipexpert.edge.audit.EventSeals;
import com.ipexpert.edge.correlation.MessageProvenance;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a case's events, wherever they were read from, against their chains and their sealed heads. Within each
 * aggregate every event must follow the one before it (no gap), carry the link its stored payload and the previous
 * link give, and carry the seal (HMAC with the chain key, kept outside the database) of that link and its provenance;
 * then each aggregate's last event must be the head its sealed checkpoint names. Names the first event, in the order
 * they happened, that fails, or the range of events missing at an aggregate's tail.
 * <p>
 * Events stored before seals existed ("legacy") are checked by their plain links only and counted; once an aggregate
 * has a sealed event, an unsealed one after it fails.
 */
final class ChainVerification {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainVerification() {
    }

    /** Plain links only: what verification was before seals (kept for a caller without a key). */
    static ChainVerdict verify(List<StoredEvent> events) {
        return verify(events, List.of(), null);
    }

    static ChainVerdict verify(List<StoredEvent> events, List<Checkpoint> checkpoints, ChainKey key) {
        record Position(long nextSequence, String link, boolean sealed) {
        }
        Map<String, Position> chains = new LinkedHashMap<>();
        Set<String> broken = new HashSet<>();
        InvalidEvent first = null;
        int legacy = 0;
        for (StoredEvent event : events) {
            if (broken.contains(event.aggregateId())) continue;
            Position at = chains.getOrDefault(event.aggregateId(), new Position(0, null, false));
            JsonNode meta = metaData(event.metaData());
            String stored = text(meta, EventLinks.LINK);
            String seal = text(meta, EventSeals.SEAL);
            String reason = null;
            if (event.aggregateSequence() != at.nextSequence()) {
                reason = "gap";
            } else if (!EventLinks.ofStored(at.link(), event.payloadType(), event.payload()).equals(stored)) {
                reason = "link";
            } else if (seal == null) {
                if (at.sealed()) reason = "unsealed";
            } else if (key != null && !key.sealEvent(event.aggregateId(), event.aggregateSequence(), stored,
                    value(meta, MessageProvenance.ACTOR), value(meta, MessageProvenance.TRACE_ID)).equals(seal)) {
                reason = "seal";
            }
            if (reason != null) {
                broken.add(event.aggregateId());
                if (first == null) first = new InvalidEvent(event.aggregateId(), event.aggregateSequence(), reason);
                continue;
            }
            if (seal == null) legacy++;
            chains.put(event.aggregateId(), new Position(at.nextSequence() + 1, stored, at.sealed() || seal != null));
        }
        MissingRange missing = null;
        if (key != null) {
            Map<String, Checkpoint> heads = new HashMap<>();
            for (Checkpoint c : checkpoints) heads.put(c.aggregateId(), c);
            // every sealed aggregate must have a head, and its head must be where its events end
            for (Map.Entry<String, Position> chain : chains.entrySet()) {
                if (broken.contains(chain.getKey()) || !chain.getValue().sealed()) continue;
                long last = chain.getValue().nextSequence() - 1;
                Checkpoint head = heads.get(chain.getKey());
                if (head == null || !key.sealCheckpoint(head.aggregateId(), head.sequence(), head.link()).equals(head.seal())) {
                    if (first == null) first = new InvalidEvent(chain.getKey(), last, "checkpoint");
                } else if (head.sequence() > last) {
                    if (missing == null) missing = new MissingRange(chain.getKey(), last + 1, head.sequence());
                } else if (head.sequence() < last || !head.link().equals(chain.getValue().link())) {
                    if (first == null) first = new InvalidEvent(chain.getKey(), Math.min(head.sequence() + 1, last), "checkpoint");
                }
            }
            // a head whose aggregate has no events left at all: every one of them is missing
            for (Checkpoint head : checkpoints) {
                if (!chains.containsKey(head.aggregateId()) && !broken.contains(head.aggregateId()) && missing == null
                        && key.sealCheckpoint(head.aggregateId(), head.sequence(), head.link()).equals(head.seal())) {
                    missing = new MissingRange(head.aggregateId(), 0, head.sequence());
                }
            }
        }
        boolean valid = first == null && missing == null;
        return new ChainVerdict(valid, events.size(), first, missing, legacy == 0 ? null : legacy);
    }

    private static JsonNode metaData(byte[] metaData) {
        if (metaData == null) return JSON.createObjectNode();
        try {
            JsonNode node = JSON.readTree(metaData);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode meta, String field) {
        JsonNode value = meta.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    /** A metadata value as the writer saw it when sealing: its text, or null when absent. */
    private static Object value(JsonNode meta, String field) {
        JsonNode value = meta.get(field);
        if (value == null || value.isNull()) return null;
        return value.isTextual() ? value.asText() : value.toString();
    }
}
