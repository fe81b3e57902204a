package com.ipexpert.edge.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentParsed;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@code DocumentParsed} revision 1 → 2. Revision 1 carried every chunk inline and no count; revision 2 counts the
 * chunks ({@code chunkCount}) and each chunk has its character range, which revision 1 did not know ({@code -1}).
 * The chunks stay inline in an upcast event, so the knowledge-index rebuild replays old parses as it always did.
 * Both sides read document events, so both register it.
 */
@Component
public class DocumentParsedUpcaster extends SingleEventUpcaster {
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(DocumentParsed.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(DocumentParsed.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, DocumentParsedUpcaster::upcast);
    }

    static JsonNode upcast(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload;
        JsonNode chunks = event.get("chunks");
        int count = 0;
        if (chunks instanceof ArrayNode array) {
            count = array.size();
            for (JsonNode chunk : array) {
                if (chunk instanceof ObjectNode c) {
                    if (!c.has("start")) c.put("start", -1);
                    if (!c.has("end")) c.put("end", -1);
                }
            }
        }
        event.put("chunkCount", count);
        return event;
    }
}
