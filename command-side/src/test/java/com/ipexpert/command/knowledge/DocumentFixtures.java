package com.ipexpert.command.knowledge;

import com.ipexpert.api.identity.Requester;
import com.ipexpert.api.knowledge.DocumentChunk;
import com.ipexpert.api.knowledge.DocumentCommands;
import com.ipexpert.api.knowledge.DocumentEvents;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.api.knowledge.IngestionStep;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Test data builders for knowledge documents: one well-known document and the events of its ingestion. */
final class DocumentFixtures {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final DocumentId DOC = DocumentId.of("doc-1");
    static final String SHA = "a".repeat(64);
    static final String FILE = "ospf-guide.pdf";
    static final Requester ADMIN = new Requester("u-admin", Set.of(Requester.ADMIN));
    static final Requester ENGINEER = new Requester("u-engineer", Set.of(Requester.USER));
    static final List<DocumentChunk> CHUNKS = List.of(
            new DocumentChunk("doc-1#0", 0, "OSPF neighbours stuck in ExStart usually disagree on MTU.", List.of("OSPF", "Troubleshooting"), 1, "ENGLISH", 0, 57),
            new DocumentChunk("doc-1#1", 1, "Run display ospf peer to see the state.", List.of("OSPF"), 2, "ENGLISH", 59, 98),
            new DocumentChunk("doc-1#2", 2, "Hello and dead intervals must match on both ends of a link.", List.of("OSPF", "Timers"), 2, "ENGLISH", 100, 159));

    private DocumentFixtures() {
    }

    static DocumentCommands.UploadDocument upload(Requester by) {
        return new DocumentCommands.UploadDocument(DOC, by, FILE, "huawei", List.of("ospf"), SHA, 1234, "PDF", T0);
    }

    static DocumentEvents.DocumentUploaded uploaded() {
        return new DocumentEvents.DocumentUploaded(DOC, FILE, "Huawei", List.of("ospf"), SHA, 1234, "PDF", "u-admin", T0);
    }

    static DocumentEvents.IngestionStepStarted started(IngestionStep step, int attempt) {
        return new DocumentEvents.IngestionStepStarted(DOC, step, attempt, T0);
    }

    /** A parse as stored before chunks travelled in batches (revision 1, upcast): every chunk inline. */
    static DocumentEvents.DocumentParsed parsed(int attempt) {
        return new DocumentEvents.DocumentParsed(DOC, attempt, 2, CHUNKS, T0, CHUNKS.size());
    }

    static DocumentEvents.DocumentChunksParsed chunksParsed(int attempt, List<DocumentChunk> chunks) {
        return new DocumentEvents.DocumentChunksParsed(DOC, attempt, 0, chunks);
    }

    /** A parse of today: its chunks went before in one batch. */
    static DocumentEvents.DocumentParsed parsedAfterBatches(int attempt, int chunkCount) {
        return new DocumentEvents.DocumentParsed(DOC, attempt, 2, List.of(), T0, chunkCount);
    }

    static DocumentEvents.DocumentIndexed indexed(int attempt) {
        return new DocumentEvents.DocumentIndexed(DOC, attempt, CHUNKS.size(), T0);
    }

    static DocumentEvents.IngestionStepFailed stepFailed(IngestionStep step, int attempt, boolean retryable) {
        return new DocumentEvents.IngestionStepFailed(DOC, step, attempt, "boom", retryable, false, T0);
    }

    static DocumentEvents.DocumentFailed failed(IngestionStep step, int attempt) {
        return new DocumentEvents.DocumentFailed(DOC, step, attempt, "no text found in " + FILE, T0);
    }

    static DocumentEvents.DocumentDeleted deleted() {
        return new DocumentEvents.DocumentDeleted(DOC, SHA, "u-admin", T0);
    }

    static DocumentEvents.DocumentReparseRequested reparseRequested(int lastAttempt) {
        return new DocumentEvents.DocumentReparseRequested(DOC, FILE, lastAttempt, "u-admin", T0);
    }
}
