package com.ipexpert.command.knowledge;

import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.api.knowledge.DocumentChunk;
import com.ipexpert.api.knowledge.DocumentCommands.IndexDocument;
import com.ipexpert.api.knowledge.DocumentCommands.ParseDocument;
import com.ipexpert.api.knowledge.DocumentCommands.RecordIndexed;
import com.ipexpert.api.knowledge.DocumentCommands.RecordIngestionProgress;
import com.ipexpert.api.knowledge.DocumentCommands.RecordParsed;
import com.ipexpert.api.knowledge.DocumentCommands.RecordParsedChunks;
import com.ipexpert.api.knowledge.DocumentEvents;
import com.ipexpert.api.knowledge.DocumentCommands.RecordStepFailure;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.api.knowledge.IngestionStage;
import com.ipexpert.edge.correlation.MessageProvenance;
import com.ipexpert.edge.errors.DomainErrors;
import com.ipexpert.edge.messaging.AfterCommit;
import com.ipexpert.retrieval.KnowledgePipeline;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.index.KnowledgeDocument;
import com.ipexpert.retrieval.parse.ParsedDocument;
import com.ipexpert.retrieval.parse.UnreadableDocument;
import com.ipexpert.retrieval.parse.UnsupportedDocumentType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the steps of ingestion off the command thread, on a bounded pool: parse and chunk a stored file, or embed
 * and index the chunks of the latest parse. Acknowledges the saga's command at once and reports back to the
 * document with commands, progress included; a step lost in a crash is caught by the saga's deadline.
 */
class IngestionWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestionWorker.class);
    /** Progress is reported in steps of this many percent, so a long file does not flood the event store. */
    static final int PROGRESS_STEP = 10;

    private final KnowledgePipeline pipeline;
    private final KnowledgeIndexing indexing;
    private final DocumentFiles files;
    private final DocumentRecords records;
    private final CommandGateway commands;
    private final ExecutorService executor;
    private final Clock clock;

    IngestionWorker(KnowledgePipeline pipeline, KnowledgeIndexing indexing, DocumentFiles files, DocumentRecords records,
                    CommandGateway commands, ExecutorService executor, Clock clock) {
        this.pipeline = pipeline;
        this.indexing = indexing;
        this.files = files;
        this.records = records;
        this.commands = commands;
        this.executor = executor;
        this.clock = clock;
    }

    @CommandHandler
    void handle(ParseDocument cmd) {
        later(() -> parse(cmd), cmd.docId(), cmd.attempt());
    }

    @CommandHandler
    void handle(IndexDocument cmd) {
        later(() -> index(cmd), cmd.docId(), cmd.attempt());
    }

    /** Starts only once the dispatching unit of work has committed: the step must see what caused it. */
    private void later(Runnable step, DocumentId docId, int attempt) {
        Runnable submit = () -> {
            try {
                executor.execute(step);
            } catch (RejectedExecutionException e) {
                log.warn("Ingestion of {} attempt {} was not accepted by the worker; its deadline will retry it", docId, attempt);
            }
        };
        AfterCommit.run(submit);
    }

    void parse(ParseDocument cmd) {
        try {
            byte[] content = files.read(cmd.docId());
            ParsedDocument parsed = pipeline.parse(cmd.fileName(), content, progress(cmd.docId(), cmd.attempt(), IngestionStage.PARSE));
            List<ChunkDraft> drafts = pipeline.chunk(parsed, progress(cmd.docId(), cmd.attempt(), IngestionStage.CHUNK));
            if (drafts.isEmpty()) {
                throw new UnreadableDocument(UnreadableDocument.Reason.NO_TEXT, "no text found in " + cmd.fileName());
            }
            KnowledgeDocument named = new KnowledgeDocument(cmd.docId().value(), cmd.fileName(), null, List.of());
            List<DocumentChunk> chunks = drafts.stream().map(d -> DocumentRecords.chunk(named, d)).toList();
            // Chunks travel in bounded batches, in order, each acknowledged before the next: no message grows with the file.
            List<List<DocumentChunk>> batches = DocumentRecords.batches(chunks, DocumentEvents.MAX_BATCH_CHARS);
            for (int i = 0; i < batches.size(); i++) {
                commands.sendAndWait(withActor(new RecordParsedChunks(cmd.docId(), cmd.attempt(), i, batches.get(i))));
            }
            send(new RecordParsed(cmd.docId(), cmd.attempt(), parsed.pageCount(), chunks.size(), batches.size(), clock.instant()));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // a class missing from the deployment or a pathological file must end the attempt, not the thread
            fail(cmd.docId(), cmd.attempt(), e);
        }
    }

    void index(IndexDocument cmd) {
        try {
            DocumentRecords.Indexable indexable = records.latestParse(cmd.docId(), cmd.attempt())
                    .orElseThrow(() -> new IllegalStateException("document " + cmd.docId() + " has no parsed chunks to index"));
            Progress embedding = progress(cmd.docId(), cmd.attempt(), IngestionStage.EMBED);
            indexing.index(indexable.document(), indexable.chunks(), (done, total) -> {
                // the index reports embedding up to 95 of 100, then the write
                if (done < 95) embedding.update(done * 100 / 95, 100);
            });
            send(new RecordIngestionProgress(cmd.docId(), cmd.attempt(), IngestionStage.INDEX, 100, clock.instant()));
            commands.send(withActor(new RecordIndexed(cmd.docId(), cmd.attempt(), indexable.chunks().size(), clock.instant())))
                    .exceptionally(refusal -> {
                        // Deleted (or superseded) while we were embedding: what we just wrote must not stay searchable.
                        if (DomainErrors.find(refusal).map(d -> d.kind() == ErrorKind.NOT_FOUND).orElse(false)) {
                            indexing.delete(cmd.docId().value());
                        }
                        log.info("Document {} refused the index report of attempt {}: {}", cmd.docId(), cmd.attempt(), refusal.getMessage());
                        return null;
                    });
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            fail(cmd.docId(), cmd.attempt(), e);
        }
    }

    /** The engine's refusals (unreadable, encrypted, scanned without OCR, wrong type) will not change on a retry. */
    private void fail(DocumentId docId, int attempt, Throwable e) {
        boolean permanent = e instanceof UnreadableDocument || e instanceof UnsupportedDocumentType;
        String reason = e instanceof DomainException ? e.getMessage() : readable(e);
        if (!permanent) log.warn("Ingestion of {} attempt {} failed", docId, attempt, e);
        send(new RecordStepFailure(docId, attempt, reason, !permanent, false, clock.instant()));
    }

    private Progress progress(DocumentId docId, int attempt, IngestionStage stage) {
        int[] last = {-1};
        return (done, total) -> {
            int percent = Progress.percent(done, total);
            if (last[0] < 0 || percent >= last[0] + PROGRESS_STEP || (percent == 100 && last[0] < 100)) {
                last[0] = percent;
                send(new RecordIngestionProgress(docId, attempt, stage, percent, clock.instant()));
            }
        };
    }

    private void send(Object command) {
        commands.send(withActor(command)).exceptionally(e -> {
            log.info("Document refused the ingestion report ({}): {}", command.getClass().getSimpleName(), e.getMessage());
            return null;
        });
    }

    private static CommandMessage<?> withActor(Object command) {
        return GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MessageProvenance.ACTOR, MessageProvenance.AGENT));
    }

    private static String readable(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
