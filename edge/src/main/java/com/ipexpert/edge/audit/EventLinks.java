package com.ipexpert.edge.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ipexpert.edge.messaging.AxonMessaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
    /** Writes a tree as {@link JsonNode#toString()} writes each of its values (Jackson's defaults). */
    private static final ObjectWriter LEAVES = new ObjectMapper().writer();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

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
            // unreadable JSON is itself a sign of tampering: it cannot match any link a writer made. Decoded and
            // encoded again as the first implementation did (malformed UTF-8 becomes U+FFFD), so its hash is the same.
            return "unreadable:" + HexFormat.of().formatHex(SHA256.get().digest(
                    new String(payload, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String link(String previous, String payloadType, JsonNode payload) {
        String text = (previous == null ? GENESIS : previous) + '\n' + payloadType + '\n' + canonical(payload);
        MessageDigest sha256 = SHA256.get();
        return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * JSON with object keys sorted, so the hash does not depend on how a writer orders fields: the tree rebuilt with
     * its keys in order and written once. Every value is written as {@link JsonNode#toString()} writes it, which is
     * what the chain's first links were made of (a value at a time), so they still verify.
     */
    static String canonical(JsonNode node) {
        if (node == null || node.isMissingNode()) return "null";
        try {
            return LEAVES.writeValueAsString(sorted(node));
        } catch (IOException e) {
            throw new UncheckedIOException("A JSON tree cannot be written", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) copy.set(name, sorted(node.get(name)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode element : node) copy.add(sorted(element));
            return copy;
        }
        return node;
    }
}
