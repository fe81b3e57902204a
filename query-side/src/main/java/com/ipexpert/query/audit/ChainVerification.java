package com.ipexpert.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.audit.AuditViews.ChainVerdict;
import com.ipexpert.api.audit.AuditViews.InvalidEvent;
import com.ipexpert.edge.audit.EventLinks;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the links of a case's events: within each aggregate, every event must follow the one before it
 * (no gap in its sequence) and carry the link its stored payload and the previous link give. Names the first
 * event, in the order they happened, where that fails.
 */
final class ChainVerification {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainVerification() {
    }

    static ChainVerdict verify(List<StoredEvent> events) {
        record Position(long nextSequence, String link) {
        }
        Map<String, Position> chains = new HashMap<>();
        java.util.Set<String> broken = new java.util.HashSet<>();
        InvalidEvent first = null;
        for (StoredEvent event : events) {
            if (broken.contains(event.aggregateId())) continue;
            Position at = chains.getOrDefault(event.aggregateId(), new Position(0, null));
            String expected = EventLinks.ofStored(at.link(), event.payloadType(), event.payload());
            String stored = linkOf(event.metaData());
            if (event.aggregateSequence() != at.nextSequence() || !expected.equals(stored)) {
                broken.add(event.aggregateId());
                if (first == null) first = new InvalidEvent(event.aggregateId(), event.aggregateSequence());
                continue;
            }
            chains.put(event.aggregateId(), new Position(at.nextSequence() + 1, stored));
        }
        return new ChainVerdict(first == null, events.size(), first);
    }

    private static String linkOf(byte[] metaData) {
        if (metaData == null) return null;
        try {
            JsonNode link = JSON.readTree(metaData).get(EventLinks.LINK);
            return link == null || !link.isTextual() ? null : link.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
