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
                                 @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deleted,
                                 List<UnplacedEdit> unplacedEdits) {
        public DocumentDetail {
            unplacedEdits = unplacedEdits == null ? List.of() : List.copyOf(unplacedEdits);
        }

        public DocumentDetail(String docId, String fileName, String vendor, List<String> tags, DocumentStatus status,
                              int progress, String message, Instant createdAt, Instant updatedAt, boolean deleted) {
            this(docId, fileName, vendor, tags, status, progress, message, createdAt, updatedAt, deleted, List.of());
        }
    }

    /** A hit of a search: the passage, its document, and where it sits in it. */
    public record KnowledgeHit(String chunkId, String docId, String fileName, String vendor, List<String> tags,
                               String text, double score, Citation location) {
    }

    /**
     * Where a passage sits in its document, as a citation gives it: {@code page} (PDF; null for formats without
     * pages), {@code section} (the heading path, {@code OSPF > Areas}; the file name when it has no heading) and
     * {@code [start, end)}, the characters of the document's parsed text it came from (null when unknown: parsed
     * before ranges were kept). {@code describe} reads {@code p. 3 · OSPF > Areas} for people.
     */
    public record Citation(Integer page, String section, Integer start, Integer end, String describe) {
        public static Citation of(DocumentChunk chunk, String fileName) {
            return of(chunk.page(), chunk.headingPath(), chunk.start(), chunk.end(), fileName);
        }

        public static Citation of(int page, List<String> headingPath, int start, int end, String fileName) {
            String path = String.join(" > ", headingPath == null ? List.of() : headingPath);
            String section = path.isEmpty() ? (fileName == null ? "" : fileName) : path;
            String describe = page > 0 ? (path.isEmpty() ? "p. " + page : "p. " + page + " · " + path)
                    : start >= 0 ? section + " · chars " + start + "–" + end : section;
            return new Citation(page > 0 ? page : null, section, start >= 0 ? start : null, start >= 0 ? end : null,
                    describe.strip());
        }
    }

    /** One chunk of a document as an administrator sees it. */
    public record ChunkView(String chunkId, String text, Citation location, boolean hidden, boolean edited) {
        public static ChunkView of(ChunkLayout.Entry entry, String fileName) {
            return new ChunkView(entry.chunk().chunkId(), entry.chunk().text(), Citation.of(entry.chunk(), fileName),
                    entry.hidden(), entry.edited());
        }
    }

    public record ChunkPage(List<ChunkView> items, long total, int page, int pageSize) {
    }

    /** A passage with the chunks before and after it (null at either end of the document). */
    public record ChunkInContext(String chunkId, String docId, String fileName, String text, Citation location,
                                 boolean hidden, boolean edited, ChunkView previous, ChunkView next) {
    }

    /** What an edit changed: the chunks as they now are (hidden ones included), and the ids that are gone. */
    public record ChunkChange(List<ChunkView> chunks, List<String> removed) {
    }

    public record UnplacedEdits(List<UnplacedEdit> items) {
    }

    /** An edit of an older parse that the latest parse could not place. */
    public record UnplacedEdit(String editId, String kind, String anchor, String reason) {
    }

    public record KnowledgeHits(List<KnowledgeHit> items) {
    }
}
