package com.ipexpert.edge.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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

    @Bean
    public FeedbackGivenUpcaster feedbackGivenUpcaster() {
        return new FeedbackGivenUpcaster();
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

    /**
     * {@code FeedbackGiven} revision 1 held {@code correctedSolution} as a text, and a JSON object the engineer sent as
     * its JSON text; revision 2 keeps it as given. So a revision-1 text that is the JSON text of an object (how an
     * object was stored: it starts with '{' and parses as a non-empty object) reads as that object again; any other
     * text stays as it is.
     */
    public static class FeedbackGivenUpcaster extends SingleEventUpcaster {
        static final String TYPE = "com.ipexpert.api.cases.CaseEvents$FeedbackGiven";
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation event) {
            return TYPE.equals(event.getType().getName()) && "1".equals(event.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
            return event.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
                if (payload instanceof ObjectNode object && object.get("correctedSolution") instanceof TextNode text) {
                    JsonNode given = objectIn(text.asText());
                    if (given != null) object.set("correctedSolution", given);
                }
                return payload;
            });
        }

        private static JsonNode objectIn(String text) {
            if (!text.startsWith("{") || !text.endsWith("}")) return null;
            try {
                JsonNode parsed = JSON.readTree(text);
                return parsed instanceof ObjectNode object && !object.isEmpty() ? object : null;
            } catch (JsonProcessingException notJson) {
                return null;
            }
        }
    }
}
