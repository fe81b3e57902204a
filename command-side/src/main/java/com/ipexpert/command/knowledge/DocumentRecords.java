package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.ChunkLayout;
import com.ipexpert.api.knowledge.DocumentChunk;
import com.ipexpert.api.knowledge.DocumentEvents.ChunkEditUnplaced;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentChunksParsed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentDeleted;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentParsed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentUploaded;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.api.knowledge.DocumentViews.UnplacedEdit;
import com.ipexpert.retrieval.Language;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.index.KnowledgeDocument;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a document's own event stream says is to be indexed: its name, vendor and tags, and the chunks of
 * its latest parse before a given attempt with the administrator's edits applied (hidden chunks left out). The
 * index is built from this alone, on ingestion and on a rebuild; the chunk reads answer from it too.
 */
class DocumentRecords {
    private final EventStore events;

    DocumentRecords(EventStore events) {
        this.events = events;
    }

    record Indexable(KnowledgeDocument document, List<ChunkDraft> chunks) {
    }

    /** A document's latest parse as it stands: its chunks with the edits applied, and the edits that found no place. */
    record Current(KnowledgeDocument document, ChunkLayout layout, List<UnplacedEdit> unplaced) {
    }

    /** The document as of its latest parse with an attempt number below {@code beforeAttempt}; empty when never parsed. */
    Optional<Indexable> latestParse(DocumentId docId, int beforeAttempt) {
        return current(docId, beforeAttempt).map(c -> new Indexable(c.document(),
                c.layout().visible().stream().map(DocumentRecords::draft).toList()));
    }

    /** The latest parse and every edit since; empty for an unknown, deleted or never parsed document. */
    Optional<Current> current(DocumentId docId) {
        return current(docId, Integer.MAX_VALUE);
    }

    private Optional<Current> current(DocumentId docId, int beforeAttempt) {
        DomainEventStream stream = events.readEvents(docId.value());
        DocumentUploaded uploaded = null;
        ChunkLayout layout = null;
        List<DocumentChunk> batches = new ArrayList<>();
        int batchAttempt = -1;
        List<UnplacedEdit> unplaced = new ArrayList<>();
        boolean counting = true;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof DocumentUploaded u) {
                uploaded = u;
            } else if (payload instanceof DocumentChunksParsed b && b.attempt() < beforeAttempt) {
                if (b.attempt() != batchAttempt) {
                    batches = new ArrayList<>();
                    batchAttempt = b.attempt();
                }
                batches.addAll(b.chunks());
            } else if (payload instanceof DocumentParsed p) {
                counting = p.attempt() < beforeAttempt;
                if (counting) {
                    layout = ChunkLayout.of(p.chunks().isEmpty() && batchAttempt == p.attempt() ? batches : p.chunks());
                    unplaced = new ArrayList<>();
                }
            } else if (payload instanceof ChunkEditUnplaced u) {
                if (counting) unplaced.add(new UnplacedEdit(u.editId(), u.kind(), u.anchor(), u.reason()));
            } else if (payload instanceof DocumentDeleted) {
                return Optional.empty();
            } else if (layout != null && counting) {
                layout.apply(payload);
            }
        }
        if (uploaded == null || layout == null) return Optional.empty();
        KnowledgeDocument document = new KnowledgeDocument(docId.value(), uploaded.fileName(), uploaded.vendor(), uploaded.tags());
        return Optional.of(new Current(document, layout, unplaced));
    }

    /** Consecutive runs of chunks of at most {@code maxChars} characters of text each (a longer chunk goes alone). */
    static List<List<DocumentChunk>> batches(List<DocumentChunk> chunks, int maxChars) {
        List<List<DocumentChunk>> batches = new ArrayList<>();
        List<DocumentChunk> batch = new ArrayList<>();
        long chars = 0;
        for (DocumentChunk chunk : chunks) {
            if (!batch.isEmpty() && chars + chunk.text().length() > maxChars) {
                batches.add(batch);
                batch = new ArrayList<>();
                chars = 0;
            }
            batch.add(chunk);
            chars += chunk.text().length();
        }
        if (!batch.isEmpty() || batches.isEmpty()) batches.add(batch);
        return batches;
    }

    static ChunkDraft draft(DocumentChunk chunk) {
        Language language = "CHINESE".equals(chunk.language()) ? Language.CHINESE : Language.ENGLISH;
        return new ChunkDraft(chunk.ordinal(), chunk.text(), chunk.headingPath(), chunk.page(), language, chunk.start(), chunk.end());
    }

    static DocumentChunk chunk(KnowledgeDocument document, ChunkDraft draft) {
        return new DocumentChunk(document.chunkId(draft.ordinal()), draft.ordinal(), draft.text(), draft.headingPath(),
                draft.page(), draft.language().name(), draft.start(), draft.end());
    }
}
