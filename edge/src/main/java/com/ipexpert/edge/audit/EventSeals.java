package com.ipexpert.edge.audit;

import com.ipexpert.edge.correlation.MessageProvenance;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Seals every linked event as it is published: {@code seal} in its metadata is the chain key's HMAC of its aggregate,
 * sequence, link and provenance; and the aggregate's head moves forward in {@link ChainCheckpoints}, in the same
 * transaction as the events. Runs after the provenance stamp, so the seal covers the metadata as stored.
 */
public class EventSeals implements MessageDispatchInterceptor<EventMessage<?>> {
    public static final String SEAL = "seal";
    private static final String HEADS = EventSeals.class.getName() + ".heads";
    private final ChainKey key;
    private final ChainCheckpoints checkpoints;
    private final Clock clock;

    public EventSeals(ChainKey key, ChainCheckpoints checkpoints, Clock clock) {
        this.key = key;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> event)) return message;
            Object link = event.getMetaData().get(EventLinks.LINK);
            if (!(link instanceof String linkText) || event.getAggregateIdentifier() == null) return message;
            MetaData meta = event.getMetaData();
            String seal = key.sealEvent(event.getAggregateIdentifier(), event.getSequenceNumber(), linkText,
                    meta.get(MessageProvenance.ACTOR), meta.get(MessageProvenance.TRACE_ID));
            remember(new ChainCheckpoints.Checkpoint(event.getAggregateIdentifier(), caseIdOf(event),
                    event.getSequenceNumber(), linkText,
                    key.sealCheckpoint(event.getAggregateIdentifier(), event.getSequenceNumber(), linkText)));
            return event.andMetaData(Map.of(SEAL, seal));
        };
    }

    /** Heads are written once per unit of work, when it prepares to commit, together with the events. */
    private void remember(ChainCheckpoints.Checkpoint head) {
        if (!CurrentUnitOfWork.isStarted()) {
            checkpoints.advance(head, clock.instant());
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, ChainCheckpoints.Checkpoint> heads = root.getOrComputeResource(HEADS, k -> {
            Map<String, ChainCheckpoints.Checkpoint> fresh = new LinkedHashMap<>();
            root.onPrepareCommit(u -> checkpoints.advanceAll(fresh.values(), clock.instant()));
            return fresh;
        });
        heads.merge(head.aggregateId(), head, (a, b) -> b.sequence() > a.sequence() ? b : a);
    }

    /** A case's own id, or the case a node belongs to (every node event names it as {@code caseId}). */
    private static String caseIdOf(DomainEventMessage<?> event) {
        if ("Case".equals(event.getType())) return event.getAggregateIdentifier();
        Object payload = event.getPayload();
        if (payload != null && payload.getClass().isRecord()) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if (component.getName().equals("caseId")) {
                    try {
                        Object caseId = component.getAccessor().invoke(payload);
                        if (caseId == null) return null;
                        try {
                            return String.valueOf(caseId.getClass().getMethod("value").invoke(caseId));
                        } catch (NoSuchMethodException plain) {
                            return caseId.toString();
                        }
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
