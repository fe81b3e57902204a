package com.ipexpert.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.audit.AuditViews.AuditEvent;
import com.ipexpert.api.audit.AuditViews.ChainVerdict;
import com.ipexpert.api.cases.CaseViews.CaseGraph;
import com.ipexpert.edge.audit.ChainCheckpoints;
import com.ipexpert.edge.audit.ChainKey;
import com.ipexpert.edge.correlation.MessageProvenance;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** What an auditor asks of a case's stored history: its events, its graph at a moment, whether its chain holds. */
@Component
class CaseAudit {
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    /** Axon's own origin key, used when a message carries no request correlation id. */
    private static final String AXON_CORRELATION_ID = "correlationId";
    private final CaseEventHistory history;
    private final Serializer serializer;
    private final ObjectMapper json = new ObjectMapper();
    private final ChainCheckpoints checkpoints;
    private final ChainKey chainKey;

    CaseAudit(CaseEventHistory history, @Qualifier("eventSerializer") Serializer serializer,
              ChainCheckpoints checkpoints, ChainKey chainKey) {
        this.history = history;
        this.serializer = serializer;
        this.checkpoints = checkpoints;
        this.chainKey = chainKey;
    }

    /** Empty when the case was never opened. */
    Optional<List<AuditEvent>> events(String caseId) {
        List<StoredEvent> stored = history.of(caseId);
        if (stored.isEmpty()) return Optional.empty();
        return Optional.of(stored.stream().map(this::view).toList());
    }

    /** Streams the events as views; answers false (and streams nothing) for a case that was never opened. */
    boolean eachEvent(String caseId, Consumer<AuditEvent> sink) {
        boolean[] any = {false};
        history.each(caseId, e -> {
            any[0] = true;
            sink.accept(view(e));
        });
        return any[0];
    }

    boolean exists(String caseId) {
        return !history.of(caseId).isEmpty();
    }

    Optional<ChainVerdict> verify(String caseId) {
        List<StoredEvent> stored = history.of(caseId);
        if (stored.isEmpty()) return Optional.empty();
        return Optional.of(ChainVerification.verify(stored, checkpoints.ofCase(caseId), chainKey));
    }

    /** The graph rebuilt from the events stored up to {@code at}; empty before the case existed. */
    Optional<CaseGraph> graphAt(List<StoredEvent> stored, Instant at) {
        CaseGraphAtMoment graph = new CaseGraphAtMoment();
        for (StoredEvent event : stored) {
            if (event.occurredAt().isAfter(at)) break;
            graph.apply(deserialize(event), event.occurredAt());
        }
        return graph.graph();
    }

    List<StoredEvent> stored(String caseId) {
        return history.of(caseId);
    }

    private Object deserialize(StoredEvent event) {
        return serializer.deserialize(new SimpleSerializedObject<>(event.payload(), byte[].class, event.payloadType(),
                event.payloadRevision()));
    }

    private AuditEvent view(StoredEvent event) {
        Map<String, Object> metaData = read(event.metaData());
        Object correlation = metaData.getOrDefault(MessageProvenance.TRACE_ID, metaData.get(AXON_CORRELATION_ID));
        Object actor = metaData.get(MessageProvenance.ACTOR);
        return new AuditEvent(event.globalIndex(), event.aggregateType(), event.aggregateId(), event.aggregateSequence(),
                event.type(), event.occurredAt(), actor == null ? null : actor.toString(),
                correlation == null ? null : correlation.toString(), read(event.payload()));
    }

    private Map<String, Object> read(byte[] bytes) {
        if (bytes == null) return Map.of();
        try {
            return json.readValue(bytes, JSON_OBJECT);
        } catch (IOException e) {
            return Map.of("unreadable", new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
