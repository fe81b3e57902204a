package com.ipexpert.api.knowledge;

import java.util.List;

/** What the knowledge read models answer. */
public final class DocumentQueries {
    private DocumentQueries() {
    }

    /** A page of the catalogue, newest first; null filters match everything; {@code page} from 1. */
    public record ListDocuments(DocumentStatus status, String vendor, int page, int pageSize) {
    }

    /** Answers {@link DocumentViews.DocumentDetail} or nothing; as a subscription query it streams details as they change. */
    public record FindDocument(DocumentId docId) {
    }

    /** A page of a document's chunks in reading order ({@link DocumentViews.ChunkPage}); {@code page} from 1. */
    public record ListDocumentChunks(DocumentId docId, int page, int pageSize) {
    }

    /** One chunk with its neighbours ({@link DocumentViews.ChunkInContext}), or nothing. */
    public record FindDocumentChunk(DocumentId docId, String chunkId) {
    }

    /** The edits of the document that its latest parse could not place ({@link DocumentViews.UnplacedEdit} list). */
    public record ListUnplacedEdits(DocumentId docId) {
    }

    /**
     * Ranked chunks for a question. Answered where the knowledge index lives (the command side's engine), so the
     * query side needs no index of its own.
     */
    public record SearchKnowledge(String text, double weight, List<String> tags, String vendor, int k) {
        public SearchKnowledge {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
