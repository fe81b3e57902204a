package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentCommands.DeleteDocument;
import com.ipexpert.api.knowledge.DocumentCommands.FailIngestion;
import com.ipexpert.api.knowledge.DocumentCommands.RecordIndexed;
import com.ipexpert.api.knowledge.DocumentCommands.RecordIngestionProgress;
import com.ipexpert.api.knowledge.DocumentCommands.RecordParsed;
import com.ipexpert.api.knowledge.DocumentCommands.RecordStepFailure;
import com.ipexpert.api.knowledge.DocumentCommands.RequestReparse;
import com.ipexpert.api.knowledge.DocumentCommands.StartIngestionStep;
import com.ipexpert.api.knowledge.DocumentCommands.UploadDocument;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentDeleted;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentFailed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentIndexed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentParsed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentProgressed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentReparseRequested;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentUploaded;
import com.ipexpert.api.knowledge.DocumentEvents.IngestionStepFailed;
import com.ipexpert.api.knowledge.DocumentEvents.IngestionStepStarted;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.api.knowledge.DocumentStatus;
import com.ipexpert.api.knowledge.IngestionStep;
import com.ipexpert.api.identity.Requester;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A knowledge document: owns its name, vendor and tags, and the steps of its ingestion. Every step run has an
 * attempt number; only the running attempt may report, so a late answer of a timed-out attempt changes nothing.
 * Created by {@link DocumentUploads}, which keeps the checksum register in the same transaction.
 */
@Aggregate
class Document {
    static final int MAX_FILE_NAME = 200;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 50;
    /** The vendors seen in practice, by their English and Chinese names, each with its usual spelling. */
    private static final Map<String, String> VENDORS = Map.ofEntries(Map.entry("huawei", "Huawei"),
            Map.entry("华为", "Huawei"), Map.entry("cisco", "Cisco"), Map.entry("思科", "Cisco"), Map.entry("h3c", "H3C"),
            Map.entry("华三", "H3C"), Map.entry("新华三", "H3C"), Map.entry("juniper", "Juniper"), Map.entry("瞻博", "Juniper"),
            Map.entry("zte", "ZTE"), Map.entry("中兴", "ZTE"), Map.entry("ruijie", "Ruijie"), Map.entry("锐捷", "Ruijie"));

    @AggregateIdentifier
    private DocumentId id;
    private String sha256;
    private String fileName;
    private DocumentStatus status;
    private boolean deleted;
    private IngestionStep step;
    private int attempt;
    private boolean attemptRunning;

    protected Document() {
        // for Axon
    }

    Document(UploadDocument cmd) {
        if (cmd.requester() == null || !cmd.requester().isAdmin()) throw DocumentRefusals.onlyAdmins();
        if (cmd.size() <= 0) throw DocumentRefusals.emptyFile();
        if (cmd.sha256() == null || cmd.sha256().isBlank()) throw DocumentRefusals.noChecksum();
        apply(new DocumentUploaded(cmd.docId(), cleanFileName(cmd.fileName()), normaliseVendor(cmd.vendor()),
                cleanTags(cmd.tags()), cmd.sha256(), cmd.size(), cmd.format(), cmd.requester().userId(),
                cmd.uploadedAt()));
    }

    @CommandHandler
    void handle(StartIngestionStep cmd) {
        mustExist();
        if (status != DocumentStatus.QUEUED && status != DocumentStatus.PARSING) throw DocumentRefusals.notIngesting(id);
        if (attemptRunning || cmd.attempt() != attempt + 1) throw DocumentRefusals.staleAttempt(id, cmd.attempt(), attempt);
        if (cmd.step() == IngestionStep.INDEX && step == null) {
            throw DocumentRefusals.wrongStep(id, "it cannot be indexed before it is parsed");
        }
        apply(new IngestionStepStarted(id, cmd.step(), cmd.attempt(), cmd.startedAt()));
    }

    @CommandHandler
    void handle(RecordIngestionProgress cmd) {
        mustBeRunning(cmd.attempt());
        apply(new DocumentProgressed(id, cmd.attempt(), cmd.stage(), Math.max(0, Math.min(100, cmd.percent())), cmd.at()));
    }

    @CommandHandler
    void handle(RecordParsed cmd) {
        mustBeRunning(cmd.attempt());
        if (step != IngestionStep.PARSE) throw DocumentRefusals.wrongStep(id, "attempt " + cmd.attempt() + " is not parsing");
        apply(new DocumentParsed(id, cmd.attempt(), cmd.pageCount(), cmd.chunks() == null ? List.of() : List.copyOf(cmd.chunks()),
                cmd.parsedAt()));
    }

    @CommandHandler
    void handle(RecordIndexed cmd) {
        mustBeRunning(cmd.attempt());
        if (step != IngestionStep.INDEX) throw DocumentRefusals.wrongStep(id, "attempt " + cmd.attempt() + " is not indexing");
        apply(new DocumentIndexed(id, cmd.attempt(), cmd.chunkCount(), cmd.indexedAt()));
    }

    @CommandHandler
    void handle(RecordStepFailure cmd) {
        mustBeRunning(cmd.attempt());
        apply(new IngestionStepFailed(id, step, cmd.attempt(), cmd.reason(), cmd.retryable(), cmd.timedOut(),
                cmd.failedAt()));
    }

    @CommandHandler
    void handle(FailIngestion cmd) {
        mustExist();
        if (status != DocumentStatus.QUEUED && status != DocumentStatus.PARSING) throw DocumentRefusals.notIngesting(id);
        apply(new DocumentFailed(id, step == null ? IngestionStep.PARSE : step, attempt, cmd.reason(), cmd.failedAt()));
    }

    @CommandHandler
    void handle(RequestReparse cmd) {
        mustBeAdmin(cmd.requester());
        mustExist();
        if (status == DocumentStatus.QUEUED || status == DocumentStatus.PARSING) throw DocumentRefusals.stillIngesting(id);
        apply(new DocumentReparseRequested(id, fileName, attempt, cmd.requester().userId(), cmd.requestedAt()));
    }

    /** Called by {@link DocumentRemovals}, which clears the checksum register in the same unit of work; answers the checksum. */
    String delete(DeleteDocument cmd) {
        mustBeAdmin(cmd.requester());
        mustExist();
        apply(new DocumentDeleted(id, sha256, cmd.requester().userId(), cmd.deletedAt()));
        return sha256;
    }

    private void mustExist() {
        if (deleted) throw DocumentRefusals.notFound(id);
    }

    private static void mustBeAdmin(Requester requester) {
        if (requester == null || !requester.isAdmin()) throw DocumentRefusals.onlyAdmins();
    }

    private void mustBeRunning(int given) {
        mustExist();
        if (status != DocumentStatus.QUEUED && status != DocumentStatus.PARSING) throw DocumentRefusals.notIngesting(id);
        if (!attemptRunning || given != attempt) throw DocumentRefusals.staleAttempt(id, given, attempt);
    }

    @EventSourcingHandler
    void on(DocumentUploaded e) {
        id = e.docId();
        sha256 = e.sha256();
        fileName = e.fileName();
        status = DocumentStatus.QUEUED;
    }

    @EventSourcingHandler
    void on(IngestionStepStarted e) {
        status = DocumentStatus.PARSING;
        step = e.step();
        attempt = e.attempt();
        attemptRunning = true;
    }

    @EventSourcingHandler
    void on(DocumentParsed e) {
        attemptRunning = false;
    }

    @EventSourcingHandler
    void on(DocumentIndexed e) {
        attemptRunning = false;
        status = DocumentStatus.INDEXED;
    }

    @EventSourcingHandler
    void on(IngestionStepFailed e) {
        attemptRunning = false;
    }

    @EventSourcingHandler
    void on(DocumentFailed e) {
        attemptRunning = false;
        status = DocumentStatus.FAILED;
    }

    @EventSourcingHandler
    void on(DocumentReparseRequested e) {
        status = DocumentStatus.QUEUED;
        step = null;
    }

    @EventSourcingHandler
    void on(DocumentDeleted e) {
        deleted = true;
        attemptRunning = false;
        // Not markDeleted(): a deleted document keeps answering, with its own 404 message.
    }

    /** The last path part, without control characters, at most {@value #MAX_FILE_NAME} characters, keeping the extension. */
    static String cleanFileName(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        while (name.startsWith(".")) name = name.substring(1).strip();
        if (name.isEmpty()) name = "document";
        if (name.length() > MAX_FILE_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_FILE_NAME - extension.length()) + extension;
        }
        return name;
    }

    /** Known vendors get their usual spelling ("huawei", "华为" → "Huawei"); others are kept, trimmed; blank is none. */
    static String normaliseVendor(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String vendor = raw.strip();
        String known = VENDORS.get(vendor.toLowerCase(Locale.ROOT));
        if (known != null) return known;
        return vendor.length() > 64 ? vendor.substring(0, 64) : vendor;
    }

    /** Tags are trimmed; blanks and duplicates dropped; at most {@value #MAX_TAGS}. */
    static List<String> cleanTags(List<String> raw) {
        if (raw == null) return List.of();
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String tag : raw) {
            if (tag == null || tag.isBlank()) continue;
            String t = tag.strip();
            clean.add(t.length() > MAX_TAG_LENGTH ? t.substring(0, MAX_TAG_LENGTH) : t);
            if (clean.size() == MAX_TAGS) break;
        }
        return List.copyOf(clean);
    }
}
