package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.ChunkLayout;
import com.ipexpert.api.knowledge.DocumentChunk;
import com.ipexpert.api.knowledge.DocumentCommands.DeleteDocument;
import com.ipexpert.api.knowledge.DocumentCommands.EditChunkText;
import com.ipexpert.api.knowledge.DocumentCommands.HideChunk;
import com.ipexpert.api.knowledge.DocumentCommands.MergeChunkWithNext;
import com.ipexpert.api.knowledge.DocumentCommands.RecordParsedChunks;
import com.ipexpert.api.knowledge.DocumentCommands.SplitChunk;
import com.ipexpert.api.knowledge.DocumentEvents.ChunkEditUnplaced;
import com.ipexpert.api.knowledge.DocumentEvents.ChunkHidden;
import com.ipexpert.api.knowledge.DocumentEvents.ChunkSplit;
import com.ipexpert.api.knowledge.DocumentEvents.ChunkTextEdited;
import com.ipexpert.api.knowledge.DocumentEvents.ChunksMerged;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentChunksParsed;
import com.ipexpert.api.knowledge.DocumentEvents;
import com.ipexpert.api.knowledge.DocumentViews.ChunkChange;
import com.ipexpert.api.knowledge.DocumentViews.ChunkView;
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

import java.util.ArrayList;
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
    /** The longest text an administrator may give a chunk (or make by merging). */
    static final int MAX_CHUNK_TEXT = 10_000;
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
    /** The latest parse with the administrator's edits applied; null before the first parse. */
    private ChunkLayout layout;
    /** Chunks of the running parse received so far, in batches. */
    private List<DocumentChunk> parsedChunks = new ArrayList<>();
    private int parsedBatches;
    /** Every edit an administrator made, in order, as made: re-applied to each new parse by the text it was made on. */
    private List<Object> edits = new ArrayList<>();

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
    void handle(RecordParsedChunks cmd) {
        mustBeRunning(cmd.attempt());
        if (step != IngestionStep.PARSE) throw DocumentRefusals.wrongStep(id, "attempt " + cmd.attempt() + " is not parsing");
        if (cmd.batch() != parsedBatches) {
            throw DocumentRefusals.wrongStep(id, "batch " + cmd.batch() + " of attempt " + cmd.attempt()
                    + " arrived out of order (expected " + parsedBatches + ")");
        }
        List<DocumentChunk> chunks = cmd.chunks() == null ? List.of() : List.copyOf(cmd.chunks());
        long chars = chunks.stream().mapToLong(c -> c.text().length()).sum();
        if (chunks.size() > 1 && chars > DocumentEvents.MAX_BATCH_CHARS) throw DocumentRefusals.batchTooLarge(id, chars);
        apply(new DocumentChunksParsed(id, cmd.attempt(), cmd.batch(), chunks));
    }

    @CommandHandler
    void handle(RecordParsed cmd) {
        mustBeRunning(cmd.attempt());
        if (step != IngestionStep.PARSE) throw DocumentRefusals.wrongStep(id, "attempt " + cmd.attempt() + " is not parsing");
        if (cmd.chunkCount() != parsedChunks.size() || cmd.batches() != parsedBatches) {
            throw DocumentRefusals.wrongStep(id, "attempt " + cmd.attempt() + " reported " + cmd.chunkCount() + " chunks in "
                    + cmd.batches() + " batches but " + parsedChunks.size() + " in " + parsedBatches + " arrived");
        }
        apply(new DocumentParsed(id, cmd.attempt(), cmd.pageCount(), List.of(), cmd.parsedAt(), cmd.chunkCount()));
        reapplyEdits(cmd.attempt());
    }

    /** Each earlier edit goes to the chunk of the new parse that carries the text it was made on, or is listed as unplaced. */
    private void reapplyEdits(int parseAttempt) {
        for (Object edit : List.copyOf(edits)) {
            if (edit instanceof ChunkTextEdited e) {
                layout.locate(e.anchor()).ifPresentOrElse(
                        chunk -> apply(new ChunkTextEdited(id, e.editId(), chunk, layoutText(chunk), e.text(), e.editedBy(), e.editedAt())),
                        () -> unplaced(e.editId(), "text", e.anchor(), parseAttempt));
            } else if (edit instanceof ChunkHidden e) {
                layout.locate(e.anchor()).ifPresentOrElse(
                        chunk -> apply(new ChunkHidden(id, e.editId(), chunk, layoutText(chunk), e.hidden(), e.editedBy(), e.editedAt())),
                        () -> unplaced(e.editId(), e.hidden() ? "hide" : "show", e.anchor(), parseAttempt));
            } else if (edit instanceof ChunkSplit e) {
                var target = layout.locate(e.anchor());
                int at = target.map(chunk -> ChunkLayout.relocateSplit(e.anchor(), e.at(), layoutText(chunk))).orElse(-1);
                if (target.isPresent() && at > 0 && at < layoutText(target.get()).length()) {
                    int ordinal = layout.nextOrdinal();
                    apply(new ChunkSplit(id, e.editId(), target.get(), layoutText(target.get()), at, chunkId(ordinal), ordinal,
                            e.editedBy(), e.editedAt()));
                } else {
                    unplaced(e.editId(), "split", e.anchor(), parseAttempt);
                }
            } else if (edit instanceof ChunksMerged e) {
                var target = layout.locate(e.anchor());
                int index = target.map(layout::indexOf).orElse(-1);
                var next = index >= 0 && index + 1 < layout.size() ? layout.entries().get(index + 1).chunk() : null;
                if (next != null && ChunkLayout.similarity(next.text(), e.nextAnchor()) >= 0.8) {
                    apply(new ChunksMerged(id, e.editId(), target.get(), layoutText(target.get()), next.chunkId(), next.text(),
                            e.editedBy(), e.editedAt()));
                } else {
                    unplaced(e.editId(), "merge", e.anchor(), parseAttempt);
                }
            }
        }
    }

    private void unplaced(String editId, String kind, String anchor, int parseAttempt) {
        apply(new ChunkEditUnplaced(id, editId, kind, anchor, parseAttempt,
                "no chunk of the new parse carries the text this edit was made on"));
    }

    private String layoutText(String chunkId) {
        return layout.find(chunkId).map(e -> e.chunk().text()).orElse("");
    }

    private String chunkId(int ordinal) {
        return id.value() + "#" + ordinal;
    }

    @CommandHandler
    ChunkChange handle(EditChunkText cmd) {
        ChunkLayout.Entry entry = editable(cmd.requester(), cmd.chunkId());
        String text = cmd.text() == null ? "" : cmd.text().strip();
        if (text.isEmpty()) throw DocumentRefusals.invalidEdit("the text of a chunk cannot be empty; hide it instead");
        if (text.length() > MAX_CHUNK_TEXT) throw DocumentRefusals.invalidEdit("a chunk's text may have at most " + MAX_CHUNK_TEXT + " characters");
        apply(new ChunkTextEdited(id, cmd.editId(), cmd.chunkId(), entry.chunk().text(), text, cmd.requester().userId(), cmd.at()));
        return change(List.of(cmd.chunkId()), List.of());
    }

    @CommandHandler
    ChunkChange handle(HideChunk cmd) {
        ChunkLayout.Entry entry = editable(cmd.requester(), cmd.chunkId());
        apply(new ChunkHidden(id, cmd.editId(), cmd.chunkId(), entry.chunk().text(), cmd.hidden(), cmd.requester().userId(), cmd.at()));
        return change(List.of(cmd.chunkId()), List.of());
    }

    @CommandHandler
    ChunkChange handle(SplitChunk cmd) {
        ChunkLayout.Entry entry = editable(cmd.requester(), cmd.chunkId());
        String text = entry.chunk().text();
        if (cmd.at() <= 0 || cmd.at() >= text.length() || text.substring(0, cmd.at()).isBlank() || text.substring(cmd.at()).isBlank()) {
            throw DocumentRefusals.invalidEdit("a chunk of " + text.length() + " characters is split at a position between 1 and "
                    + (text.length() - 1) + " that leaves text on both sides");
        }
        int ordinal = layout.nextOrdinal();
        apply(new ChunkSplit(id, cmd.editId(), cmd.chunkId(), text, cmd.at(), chunkId(ordinal), ordinal,
                cmd.requester().userId(), cmd.when()));
        return change(List.of(cmd.chunkId(), chunkId(ordinal)), List.of());
    }

    @CommandHandler
    ChunkChange handle(MergeChunkWithNext cmd) {
        ChunkLayout.Entry entry = editable(cmd.requester(), cmd.chunkId());
        int index = layout.indexOf(cmd.chunkId());
        if (index + 1 >= layout.size()) throw DocumentRefusals.invalidEdit("chunk " + cmd.chunkId() + " is the last of its document");
        DocumentChunk next = layout.entries().get(index + 1).chunk();
        if (entry.chunk().text().length() + next.text().length() + 1 > MAX_CHUNK_TEXT) {
            throw DocumentRefusals.invalidEdit("the merged chunk would have more than " + MAX_CHUNK_TEXT + " characters");
        }
        apply(new ChunksMerged(id, cmd.editId(), cmd.chunkId(), entry.chunk().text(), next.chunkId(), next.text(),
                cmd.requester().userId(), cmd.at()));
        return change(List.of(cmd.chunkId()), List.of(next.chunkId()));
    }

    /** An edit needs an administrator, a document that is indexed (not being parsed again) and a chunk of it. */
    private ChunkLayout.Entry editable(Requester requester, String chunkId) {
        mustBeAdmin(requester);
        mustExist();
        if (status == DocumentStatus.QUEUED || status == DocumentStatus.PARSING) throw DocumentRefusals.beingParsed(id);
        if (layout == null) throw DocumentRefusals.chunkNotFound(id, chunkId);
        return layout.find(chunkId).orElseThrow(() -> DocumentRefusals.chunkNotFound(id, chunkId));
    }

    private ChunkChange change(List<String> changed, List<String> removed) {
        List<ChunkView> chunks = changed.stream().map(c -> layout.find(c).map(e -> ChunkView.of(e, fileName)).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        return new ChunkChange(chunks, removed);
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
        if (e.step() == IngestionStep.PARSE) {
            parsedChunks = new ArrayList<>();
            parsedBatches = 0;
        }
    }

    @EventSourcingHandler
    void on(DocumentChunksParsed e) {
        if (e.attempt() != attempt) return;
        parsedChunks.addAll(e.chunks());
        parsedBatches++;
    }

    @EventSourcingHandler
    void on(DocumentParsed e) {
        attemptRunning = false;
        layout = ChunkLayout.of(e.chunks().isEmpty() ? parsedChunks : e.chunks());
        parsedChunks = new ArrayList<>();
        parsedBatches = 0;
    }

    @EventSourcingHandler
    void on(ChunkTextEdited e) {
        edited(e, e.editId());
    }

    @EventSourcingHandler
    void on(ChunkHidden e) {
        edited(e, e.editId());
    }

    @EventSourcingHandler
    void on(ChunkSplit e) {
        edited(e, e.editId());
    }

    @EventSourcingHandler
    void on(ChunksMerged e) {
        edited(e, e.editId());
    }

    /** A re-applied edit keeps its place in the list under its first form, which carries the text it was made on. */
    private void edited(Object event, String editId) {
        if (layout != null) layout.apply(event);
        if (edits.stream().noneMatch(x -> editIdOf(x).equals(editId))) edits.add(event);
    }

    private static String editIdOf(Object edit) {
        if (edit instanceof ChunkTextEdited e) return e.editId();
        if (edit instanceof ChunkHidden e) return e.editId();
        if (edit instanceof ChunkSplit e) return e.editId();
        if (edit instanceof ChunksMerged e) return e.editId();
        return "";
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
