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

    /** The file was read and cut into chunks; the chunks are kept here so the index can be rebuilt from events. */
    @Revision("1")
    public record DocumentParsed(DocumentId docId, int attempt, int pageCount, List<DocumentChunk> chunks,
                                 Instant parsedAt) {
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
