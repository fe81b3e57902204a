package com.ipexpert.api.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** Read-model shapes of knowledge documents and search hits, exactly as the REST contract shows them. */
public final class DocumentViews {
    private DocumentViews() {
    }

    public record DocumentSummary(String docId, String fileName, String vendor, List<String> tags,
                                  DocumentStatus status, Instant uploadedAt) {
    }

    public record DocumentPage(List<DocumentSummary> items, long total, int page, int pageSize) {
    }

    /** {@code deleted} is true only in the last update of a live stream, and shown only then. */
    public record DocumentDetail(String docId, String fileName, String vendor, List<String> tags, DocumentStatus status,
                                 int progress, String message, Instant createdAt, Instant updatedAt,
                                 @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deleted) {
    }

    /** {@code location} is for people: {@code p. 3 · OSPF > Areas}. */
    public record KnowledgeHit(String chunkId, String docId, String fileName, String vendor, List<String> tags,
                               String text, double score, String location) {
    }

    public record KnowledgeHits(List<KnowledgeHit> items) {
    }
}
