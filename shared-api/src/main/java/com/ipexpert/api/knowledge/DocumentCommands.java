package com.ipexpert.api.knowledge;

import com.ipexpert.api.identity.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * What can be asked of a knowledge document, and the work its ingestion saga hands to the workers. Identifiers,
 * checksums and times are chosen by the caller, so the aggregate stays free of I/O and clocks.
 */
public final class DocumentCommands {
    private DocumentCommands() {
    }

    /** The file is already in the file store under {@code docId}; {@code format} is what its content was detected as. */
    public record UploadDocument(@TargetAggregateIdentifier DocumentId docId, Requester requester, String fileName,
                                 String vendor, List<String> tags, String sha256, long size, String format,
                                 Instant uploadedAt) {
    }

    public record StartIngestionStep(@TargetAggregateIdentifier DocumentId docId, IngestionStep step, int attempt,
                                     Instant startedAt) {
    }

    public record RecordIngestionProgress(@TargetAggregateIdentifier DocumentId docId, int attempt,
                                          IngestionStage stage, int percent, Instant at) {
    }

    /** One bounded batch of a running parse's chunks; sent in order before {@link RecordParsed}. */
    public record RecordParsedChunks(@TargetAggregateIdentifier DocumentId docId, int attempt, int batch,
                                     List<DocumentChunk> chunks) {
    }

    /** The parse is done: {@code chunkCount} chunks went before in {@code batches} batches. */
    public record RecordParsed(@TargetAggregateIdentifier DocumentId docId, int attempt, int pageCount, int chunkCount,
                               int batches, Instant parsedAt) {
    }

    public record RecordIndexed(@TargetAggregateIdentifier DocumentId docId, int attempt, int chunkCount,
                                Instant indexedAt) {
    }

    public record RecordStepFailure(@TargetAggregateIdentifier DocumentId docId, int attempt, String reason,
                                    boolean retryable, boolean timedOut, Instant failedAt) {
    }

    public record FailIngestion(@TargetAggregateIdentifier DocumentId docId, int attempts, String reason,
                                Instant failedAt) {
    }

    /** Edit a chunk's text; {@code editId} is chosen by the caller. */
    public record EditChunkText(@TargetAggregateIdentifier DocumentId docId, Requester requester, String editId,
                                String chunkId, String text, Instant at) {
    }

    public record HideChunk(@TargetAggregateIdentifier DocumentId docId, Requester requester, String editId,
                            String chunkId, boolean hidden, Instant at) {
    }

    /** Cut a chunk in two before character {@code at} of its text. */
    public record SplitChunk(@TargetAggregateIdentifier DocumentId docId, Requester requester, String editId,
                             String chunkId, int at, Instant when) {
    }

    public record MergeChunkWithNext(@TargetAggregateIdentifier DocumentId docId, Requester requester, String editId,
                                     String chunkId, Instant at) {
    }

    public record RequestReparse(@TargetAggregateIdentifier DocumentId docId, Requester requester, Instant requestedAt) {
    }

    public record DeleteDocument(@TargetAggregateIdentifier DocumentId docId, Requester requester, Instant deletedAt) {
    }

    /** Work for the parse worker: read the stored file, parse and chunk it, report {@link RecordParsed}. */
    public record ParseDocument(@TargetAggregateIdentifier DocumentId docId, int attempt, String fileName) {
    }

    /** Work for the index worker: embed the chunks of the latest parse and write them to the index, report {@link RecordIndexed}. */
    public record IndexDocument(@TargetAggregateIdentifier DocumentId docId, int attempt) {
    }
}
