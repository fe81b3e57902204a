package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentChunk;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentParsed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentUploaded;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.retrieval.Language;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.index.KnowledgeDocument;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;
import java.util.Optional;

/**
 * Reads what a document's own event stream says is to be indexed: its name, vendor and tags, and the chunks of
 * its latest parse before a given attempt. The index is built from this alone, on ingestion and on a rebuild.
 */
class DocumentRecords {
    private final EventStore events;

    DocumentRecords(EventStore events) {
        this.events = events;
    }

    record Indexable(KnowledgeDocument document, List<ChunkDraft> chunks) {
    }

    /** The document as of its latest parse with an attempt number below {@code beforeAttempt}; empty when never parsed. */
    Optional<Indexable> latestParse(DocumentId docId, int beforeAttempt) {
        DomainEventStream stream = events.readEvents(docId.value());
        DocumentUploaded uploaded = null;
        DocumentParsed parsed = null;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof DocumentUploaded u) uploaded = u;
            else if (payload instanceof DocumentParsed p && p.attempt() < beforeAttempt) parsed = p;
        }
        if (uploaded == null || parsed == null) return Optional.empty();
        KnowledgeDocument document = new KnowledgeDocument(docId.value(), uploaded.fileName(), uploaded.vendor(), uploaded.tags());
        return Optional.of(new Indexable(document, parsed.chunks().stream().map(DocumentRecords::draft).toList()));
    }

    static ChunkDraft draft(DocumentChunk chunk) {
        Language language = "CHINESE".equals(chunk.language()) ? Language.CHINESE : Language.ENGLISH;
        return new ChunkDraft(chunk.ordinal(), chunk.text(), chunk.headingPath(), chunk.page(), language);
    }

    static DocumentChunk chunk(KnowledgeDocument document, ChunkDraft draft) {
        return new DocumentChunk(document.chunkId(draft.ordinal()), draft.ordinal(), draft.text(), draft.headingPath(),
                draft.page(), draft.language().name());
    }
}
