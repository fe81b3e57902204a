package com.ipexpert.command.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ipexpert.api.cases.Attachment;
import com.ipexpert.api.cases.CorrectedSolution;
import com.ipexpert.analyst.secrets.SecretMasker;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.edge.errors.JsonBounds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of the case write endpoints, and how loose JSON becomes exact commands. Secrets in what the engineer
 * writes (a pasted running-config's passwords, communities, keys) are masked as the body is read, before any of it
 * becomes a command, an event or a model prompt ({@link SecretMasker}).
 */
final class CaseRequests {
    private CaseRequests() {
    }

    /** {@code attachments} are masked as they are read ({@link CaseAttachments}): a screenshot's text only once OCR has read it. */
    record OpenCaseRequest(String query, List<Object> attachments) {
        OpenCaseRequest {
            CaseAttachments.boundTextBesidesScreenshots(query, attachments);
            query = SecretMasker.mask(query).text();
        }
    }

    /**
     * {@code attachments} (extension): as a question's, stored with the answer as {@code response.attachments}; an answer
     * object may carry them itself. Both are masked as they are read ({@link CaseAttachments}).
     */
    record InteractionRequest(String parentNodeId, Object response, Double retrievalWeight, List<String> filterTags,
                              List<Object> attachments) {
        InteractionRequest {
            CaseAttachments.boundTextBesidesScreenshots(parentNodeId, response, filterTags, attachments);
            response = maskedBesidesAttachments(response);
        }

        /** What the client attached, in the answer object and beside it. */
        List<Object> allAttachments() {
            List<Object> all = new ArrayList<>();
            if (response instanceof Map<?, ?> m && m.get(ATTACHMENTS) instanceof List<?> inside) all.addAll(inside);
            if (attachments != null) all.addAll(attachments);
            return all;
        }

        /** The answer without its attachments. */
        Object said() {
            if (!(response instanceof Map<?, ?> m) || !m.containsKey(ATTACHMENTS)) return response;
            Map<String, Object> rest = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!ATTACHMENTS.equals(k)) rest.put(String.valueOf(k), v);
            });
            return rest;
        }
    }

    static final String ATTACHMENTS = "attachments";

    private static Object maskedBesidesAttachments(Object response) {
        if (response instanceof Map<?, ?> m && m.get(ATTACHMENTS) instanceof List<?>) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), ATTACHMENTS.equals(k) ? v : SecretMasker.maskValues(v, new java.util.HashMap<>())));
            return out;
        }
        return SecretMasker.maskValues(response, new java.util.HashMap<>());
    }

    /** {@code corrected_solution}: a string, or a JSON object kept as given; secrets masked in both. */
    record FeedbackRequest(String outcome, String comment, @JsonProperty("corrected_solution") Object correctedSolution) {
        FeedbackRequest {
            comment = SecretMasker.mask(comment).text();
            if (correctedSolution instanceof String text) correctedSolution = SecretMasker.mask(text).text();
            else if (correctedSolution instanceof Map<?, ?> || correctedSolution instanceof List<?>) {
                correctedSolution = SecretMasker.maskValues(correctedSolution, new java.util.HashMap<>());
            }
        }
    }

    /** Bounds on what a client may store forever: 64 KB as JSON, nested at most 8 deep. */
    static final int MAX_STORED_JSON_BYTES = 64 * 1024;
    static final int MAX_STORED_JSON_DEPTH = 8;

    /** The corrected solution as stored: a string or a JSON object, as given; bounded like {@code response}. */
    @SuppressWarnings("unchecked")
    static CorrectedSolution correctedSolution(Object raw) {
        if (raw == null) return null;
        if (raw instanceof String s) {
            if (s.length() > 50_000) throw ApiException.badRequest("corrected_solution is too long (50000 characters at most)");
            return CorrectedSolution.text(s);
        }
        if (raw instanceof Map<?, ?> m) {
            if (m.isEmpty()) throw ApiException.badRequest("corrected_solution must not be an empty object");
            JsonBounds.check("corrected_solution", m, MAX_STORED_JSON_BYTES, MAX_STORED_JSON_DEPTH);
            return CorrectedSolution.object((Map<String, Object>) m);
        }
        throw ApiException.badRequest("corrected_solution must be a string or a JSON object");
    }

    /** The engineer's answer: an object is kept as it is, anything else becomes {@code {"text": ...}}. */
    /**
     * The engineer's answer with what it attached, read: {@code response.attachments = [{name, reference}]}. An answer
     * may be its attachments alone. The whole is bounded like any answer.
     */
    static Map<String, Object> response(Object raw, List<Attachment> attachments) {
        CaseAttachments.refuseImagesOutsideAttachments(raw);
        if (attachments.isEmpty()) return response(raw);
        boolean saidNothing = raw == null || raw instanceof Map<?, ?> m && m.isEmpty() || String.valueOf(raw).isBlank();
        Map<String, Object> out = saidNothing ? new LinkedHashMap<>() : response(raw);
        out.put(ATTACHMENTS, attachments.stream().map(a -> {
            Map<String, Object> attachment = new LinkedHashMap<>();
            attachment.put("name", a.name());
            attachment.put("reference", a.reference());
            return attachment;
        }).toList());
        JsonBounds.check("response", out, MAX_STORED_JSON_BYTES, MAX_STORED_JSON_DEPTH);
        return out;
    }

    static Map<String, Object> response(Object raw) {
        if (raw == null) throw ApiException.badRequest("response is required");
        if (raw instanceof Map<?, ?> m) {
            if (m.isEmpty()) throw ApiException.badRequest("response must not be empty");
            JsonBounds.check("response", m, MAX_STORED_JSON_BYTES, MAX_STORED_JSON_DEPTH);
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        String text = String.valueOf(raw).strip();
        if (text.isEmpty()) throw ApiException.badRequest("补充信息不能为空");
        if (text.length() > 10_000) throw ApiException.badRequest("补充信息不能超过10000个字符");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", text);
        return out;
    }

    static RetrievalSettings retrieval(Double weight, List<String> filterTags) {
        double w = weight == null ? RetrievalSettings.DEFAULT_WEIGHT : weight;
        if (Double.isNaN(w) || w < 0 || w > 1) throw ApiException.badRequest("retrievalWeight must be between 0 and 1");
        return new RetrievalSettings(w, cleanTags(filterTags));
    }

    /** Tags are trimmed; blanks and duplicates dropped. */
    static List<String> cleanTags(List<String> tags) {
        if (tags == null) return List.of();
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) clean.add(tag.trim());
        }
        return List.copyOf(clean);
    }

    private static Object firstOf(Map<?, ?> map, String... keys) {
        for (String key : keys) {
            Object v = map.get(key);
            if (v != null && !String.valueOf(v).isBlank()) return v;
        }
        return null;
    }
}
