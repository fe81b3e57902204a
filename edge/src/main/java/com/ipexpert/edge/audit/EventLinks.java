package com.ipexpert.edge.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ipexpert.edge.messaging.AxonMessaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The tamper-evident chain of an aggregate's events: each event's {@code link} (in its metadata) is the SHA-256 of
 * the previous event's link, the payload type and the payload's canonical JSON. Writers hash the payload exactly as
 * the event serializer writes it; the verifier hashes the bytes the store holds, so any change to a stored payload
 * (or to a link) breaks the chain from that event on.
 */
public final class EventLinks {
    /** Metadata key of an event's link. */
    public static final String LINK = "link";
    /** The "previous link" of an aggregate's first event. */
    public static final String GENESIS = "genesis";
    private static final ObjectMapper WRITER = AxonMessaging.axonObjectMapper();

    private EventLinks() {
    }

    /** The link of {@code payload} following {@code previous} (null for an aggregate's first event). */
    public static String next(String previous, Object payload) {
        try {
            return link(previous, payload.getClass().getName(), WRITER.readTree(WRITER.writeValueAsBytes(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException("An event payload cannot be written as JSON", e);
        }
    }

    /** The link of a stored payload (its serialized bytes and type name) following {@code previous}. */
    public static String ofStored(String previous, String payloadType, byte[] payload) {
        try {
            return link(previous, payloadType, WRITER.readTree(payload));
        } catch (IOException e) {
            // unreadable JSON is itself a sign of tampering: it cannot match any link a writer made
            return "unreadable:" + sha256(new String(payload, StandardCharsets.UTF_8));
        }
    }

    private static String link(String previous, String payloadType, JsonNode payload) {
        StringBuilder text = new StringBuilder(previous == null ? GENESIS : previous).append('\n')
                .append(payloadType).append('\n');
        canonical(payload, text);
        return sha256(text.toString());
    }

    /** JSON with object keys sorted, so the hash does not depend on how a writer orders fields. */
    static void canonical(JsonNode node, StringBuilder out) {
        if (node == null || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = ((ObjectNode) node).fieldNames();
            it.forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) out.append(',');
                out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(names.get(i))).append(':');
                canonical(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) out.append(',');
                canonical(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
