package com.ipexpert.edge.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Upcasters for events whose stored shape changed, registered with Axon (it picks up every upcaster bean), so both
 * sides read old events in their current shape. Each is tested against the stored JSON it upcasts.
 */
@Configuration
public class StoredEventUpcasters {

    @Bean
    public AttemptFailureRecordUpcaster attemptFailureRecordUpcaster() {
        return new AttemptFailureRecordUpcaster();
    }

    /**
     * {@code AnalysisAttemptFailed} revision 1 was stored both before and after it gained {@code record} (what the
     * attempt did before it failed); revision 2 always has it, empty for the attempts that recorded nothing.
     */
    public static class AttemptFailureRecordUpcaster extends SingleEventUpcaster {
        static final String TYPE = "com.ipexpert.api.cases.NodeEvents$AnalysisAttemptFailed";

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation event) {
            return TYPE.equals(event.getType().getName()) && "1".equals(event.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
            return event.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
                if (payload instanceof ObjectNode object && !object.hasNonNull("record")) object.putObject("record");
                return payload;
            });
        }
    }
}
