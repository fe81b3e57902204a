package com.ipexpert.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.edge.messaging.AxonMessaging;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a case's history through Axon's event store API ({@link EventStore#readEvents(String, long)}): the case's own
 * events, then those of each node its events name, merged into the order they happened. The same code reads the JPA
 * store and Axon Server, which has no table to query.
 *
 * <p>The store gives no global position per aggregate stream, so events are merged by their time, each aggregate's
 * own events staying in their sequence; {@link StoredEvent#globalIndex()} is the position in the case's history,
 * counted from 1.
 */
@Component
class CaseEventHistory {
    /**
     * Fields of case events that name a node aggregate of the case, in the order the case creates those nodes (the
     * question before its analysis, an answer before the analysis it starts): events of one moment (the store keeps
     * milliseconds) are merged in that order, as the live graph lists them.
     */
    private static final List<String> NODE_FIELDS = List.of("queryNode", "responseNode", "analysisNode");
    private static final String CASE_TYPE = "Case";
    private final EventStore eventStore;
    private final Serializer serializer;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper metaDataWriter = AxonMessaging.axonObjectMapper();

    CaseEventHistory(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer) {
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    /** Every event of the case and of its nodes, oldest first; empty when no such case was ever opened. */
    List<StoredEvent> of(String caseId) {
        List<StoredEvent> events = new ArrayList<>();
        each(caseId, events::add);
        return events;
    }

    /** Hands each event of the case and its nodes to {@code sink} in the order they happened. */
    void each(String caseId, Consumer<StoredEvent> sink) {
        List<DomainEventMessage<?>> caseEvents = read(caseId);
        if (caseEvents.isEmpty() || !CASE_TYPE.equals(caseEvents.get(0).getType())) return;
        Set<String> nodes = new LinkedHashSet<>();
        List<List<StoredEvent>> streams = new ArrayList<>();
        List<StoredEvent> own = new ArrayList<>();
        for (DomainEventMessage<?> message : caseEvents) {
            StoredEvent event = stored(message);
            own.add(event);
            JsonNode payload = readTree(event.payload());
            for (String field : NODE_FIELDS) {
                JsonNode node = payload.get(field);
                if (node != null && node.isTextual() && !node.asText().equals(caseId)) nodes.add(node.asText());
            }
        }
        streams.add(own);
        for (String node : nodes) streams.add(read(node).stream().map(this::stored).toList());
        merge(streams, sink);
    }

    /**
     * Merges the aggregates' streams by time; within one aggregate the order is always its sequence (its events may
     * come from instances whose clocks differ a little). At equal times the case comes first, then its nodes in the
     * order the case named them.
     */
    private static void merge(List<List<StoredEvent>> streams, Consumer<StoredEvent> sink) {
        record Head(int stream, int index, StoredEvent event) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.<Head, java.time.Instant>comparing(h -> h.event().occurredAt())
                .thenComparingInt(Head::stream));
        for (int i = 0; i < streams.size(); i++) {
            if (!streams.get(i).isEmpty()) heads.add(new Head(i, 0, streams.get(i).get(0)));
        }
        long position = 0;
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            StoredEvent e = head.event();
            sink.accept(new StoredEvent(++position, e.aggregateType(), e.aggregateId(), e.aggregateSequence(),
                    e.payloadType(), e.payloadRevision(), e.occurredAt(), e.metaData(), e.payload()));
            List<StoredEvent> stream = streams.get(head.stream());
            if (head.index() + 1 < stream.size()) {
                heads.add(new Head(head.stream(), head.index() + 1, stream.get(head.index() + 1)));
            }
        }
    }

    /** From sequence 0, never from a snapshot: an auditor sees every event. */
    private List<DomainEventMessage<?>> read(String aggregateId) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        stream.forEachRemaining(messages::add);
        return messages;
    }

    /**
     * The event as its bytes: for the JPA store the serializer hands back what was stored; behind Axon Server the
     * payload is written again by the same serializer, whose JSON the links are computed over.
     */
    private StoredEvent stored(DomainEventMessage<?> message) {
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        byte[] metaData;
        try {
            metaData = metaDataWriter.writeValueAsBytes(message.getMetaData());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The metadata of an event cannot be written as JSON", e);
        }
        return new StoredEvent(0, message.getType(), message.getAggregateIdentifier(), message.getSequenceNumber(),
                payload.getType().getName(), payload.getType().getRevision(), message.getTimestamp(), metaData,
                payload.getData());
    }

    private JsonNode readTree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return json.createObjectNode(); // an unreadable payload names no nodes; verify reports it
        }
    }
}
