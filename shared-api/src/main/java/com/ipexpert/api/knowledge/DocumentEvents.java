package com.ipexpert.api.knowledge;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a knowledge document. {@code attempt} numbers every step run in the document's life (1, 2, ...),
 * so a late report of an older attempt is recognised. Stored forever: fields are never renamed or repurposed.
 */
public final class DocumentEvents {
    private DocumentEvents() {
    }

    /** A file was accepted: its cleaned name, normalised vendor and tags, checksum, size and detected format. */
    @Revision("1")
    public record DocumentUploaded(DocumentId docId, String fileName, String vendor, List<String> tags, String sha256,
                                   long size, String format, String uploadedBy, Instant uploadedAt) {
    }

    /** A step of ingestion started; the ingestion saga hands it to its worker. */
    @Revision("1")
    public record IngestionStepStarted(DocumentId docId, IngestionStep step, int attempt, Instant startedAt) {
    }

    @Revision("1")
    public record DocumentProgressed(DocumentId docId, int attempt, IngestionStage stage, int percent, Instant at) {
    }

    /**
     * One bounded batch of the chunks a parse found (at most {@link #MAX_BATCH_CHARS} characters of text), so no
     * event grows with the document; the index is rebuilt from these. {@code batch} counts from 0 within the attempt.
     */
    @Revision("1")
    public record DocumentChunksParsed(DocumentId docId, int attempt, int batch, List<DocumentChunk> chunks) {
    }

    /** The most text one {@link DocumentChunksParsed} carries: far under the 1 MB any message may have. */
    public static final int MAX_BATCH_CHARS = 128 * 1024;

    /**
     * The file was read and cut into {@code chunkCount} chunks. Since revision 2 the chunks travel before it in
     * {@link DocumentChunksParsed} batches of the same attempt and {@code chunks} is empty; revision 1 events (stored
     * before) carry every chunk here, and are upcast with their count and unknown ranges.
     */
    @Revision("2")
    public record DocumentParsed(DocumentId docId, int attempt, int pageCount, List<DocumentChunk> chunks,
                                 Instant parsedAt, int chunkCount) {
        public DocumentParsed {
            chunks = chunks == null ? List.of() : List.copyOf(chunks);
        }
    }

    /** An administrator changed a chunk's text; {@code anchor} is the text it had, by which a re-parse finds it again. */
    @Revision("1")
    public record ChunkTextEdited(DocumentId docId, String editId, String chunkId, String anchor, String text,
                                  String editedBy, Instant editedAt) {
    }

    /** An administrator hid a chunk (or showed it again): a hidden chunk is never retrieved or cited. */
    @Revision("1")
    public record ChunkHidden(DocumentId docId, String editId, String chunkId, String anchor, boolean hidden,
                              String editedBy, Instant editedAt) {
    }

    /** An administrator cut a chunk in two at character {@code at}; the second part is the new chunk {@code newChunkId}. */
    @Revision("1")
    public record ChunkSplit(DocumentId docId, String editId, String chunkId, String anchor, int at, String newChunkId,
                             int newOrdinal, String editedBy, Instant editedAt) {
    }

    /** An administrator joined a chunk with the one after it; {@code nextChunkId} is gone, its text appended. */
    @Revision("1")
    public record ChunksMerged(DocumentId docId, String editId, String chunkId, String anchor, String nextChunkId,
                               String nextAnchor, String editedBy, Instant editedAt) {
    }

    /**
     * A re-parse could not place an earlier edit: no chunk of the new parse carries the text it was made on. It is
     * listed on the document, never dropped silently.
     */
    @Revision("1")
    public record ChunkEditUnplaced(DocumentId docId, String editId, String kind, String anchor, int attempt,
                                    String reason) {
    }

    @Revision("1")
    public record DocumentIndexed(DocumentId docId, int attempt, int chunkCount, Instant indexedAt) {
    }

    /** One attempt of a step failed; the saga retries it when {@code retryable} and attempts remain. */
    @Revision("1")
    public record IngestionStepFailed(DocumentId docId, IngestionStep step, int attempt, String reason,
                                      boolean retryable, boolean timedOut, Instant failedAt) {
    }

    /** Ingestion gave up; {@code reason} says what a person can do about it. */
    @Revision("1")
    public record DocumentFailed(DocumentId docId, IngestionStep step, int attempt, String reason, Instant failedAt) {
    }

    /** An administrator asked for the document to be parsed and indexed again; {@code lastAttempt} was its last step run. */
    @Revision("1")
    public record DocumentReparseRequested(DocumentId docId, String fileName, int lastAttempt, String requestedBy,
                                           Instant requestedAt) {
    }

    /** The document is gone: its file and every chunk of it are removed. */
    @Revision("1")
    public record DocumentDeleted(DocumentId docId, String sha256, String deletedBy, Instant deletedAt) {
    }
}
