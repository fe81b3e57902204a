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

    record OpenCaseRequest(String query, List<Object> attachments) {
        OpenCaseRequest {
            query = SecretMasker.mask(query).text();
            attachments = masked(attachments);
        }
    }

    record InteractionRequest(String parentNodeId, Object response, Double retrievalWeight, List<String> filterTags) {
        InteractionRequest {
            response = SecretMasker.maskValues(response, new java.util.HashMap<>());
        }
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

    @SuppressWarnings("unchecked")
    private static List<Object> masked(List<Object> items) {
        return items == null ? null : (List<Object>) SecretMasker.maskValues(items, new java.util.HashMap<>());
    }

    /** Attachments arrive as strings (a name or link) or objects with a name and a url/reference/id. */
    static List<Attachment> attachments(List<Object> raw) {
        if (raw == null) return List.of();
        if (raw.size() > 20) throw ApiException.badRequest("at most 20 attachments per question");
        List<Attachment> out = new ArrayList<>();
        for (Object item : raw) {
            if (item instanceof String s && !s.isBlank()) {
                out.add(new Attachment(s.trim(), s.trim()));
            } else if (item instanceof Map<?, ?> m) {
                Object name = firstOf(m, "name", "fileName", "filename");
                Object ref = firstOf(m, "reference", "url", "docId", "id", "content");
                if (name == null && ref == null) throw ApiException.badRequest("an attachment needs a name or a url");
                out.add(new Attachment(name == null ? String.valueOf(ref) : String.valueOf(name),
                        ref == null ? String.valueOf(name) : String.valueOf(ref)));
            } else {
                throw ApiException.badRequest("attachments must be strings or objects with a name and a url");
            }
        }
        return out;
    }

    /** The engineer's answer: an object is kept as it is, anything else becomes {@code {"text": ...}}. */
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
