package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.ChunkLayout;
import com.ipexpert.api.knowledge.DocumentQueries.FindDocumentChunk;
import com.ipexpert.api.knowledge.DocumentQueries.ListDocumentChunks;
import com.ipexpert.api.knowledge.DocumentQueries.ListUnplacedEdits;
import com.ipexpert.api.knowledge.DocumentViews.ChunkInContext;
import com.ipexpert.api.knowledge.DocumentViews.ChunkPage;
import com.ipexpert.api.knowledge.DocumentViews.ChunkView;
import com.ipexpert.api.knowledge.DocumentViews.Citation;
import com.ipexpert.api.knowledge.DocumentViews.UnplacedEdits;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;
import java.util.Optional;

/**
 * Answers the reads of a document's chunks from the document's own events (its latest parse and the edits since),
 * so an administrator who has just fixed a chunk reads it fixed. Lives where the events are folded for indexing.
 */
class DocumentChunkReads {
    private final DocumentRecords records;

    DocumentChunkReads(DocumentRecords records) {
        this.records = records;
    }

    /** Empty when the document is unknown, deleted or not parsed yet. */
    @QueryHandler
    Optional<ChunkPage> handle(ListDocumentChunks query) {
        return records.current(query.docId()).map(current -> {
            List<ChunkLayout.Entry> entries = current.layout().entries();
            int from = Math.min(entries.size(), (query.page() - 1) * query.pageSize());
            int to = Math.min(entries.size(), from + query.pageSize());
            List<ChunkView> items = entries.subList(from, to).stream()
                    .map(e -> ChunkView.of(e, current.document().fileName())).toList();
            return new ChunkPage(items, entries.size(), query.page(), query.pageSize());
        });
    }

    @QueryHandler
    Optional<ChunkInContext> handle(FindDocumentChunk query) {
        return records.current(query.docId()).flatMap(current -> {
            ChunkLayout layout = current.layout();
            int i = layout.indexOf(query.chunkId());
            if (i < 0) return Optional.empty();
            String fileName = current.document().fileName();
            List<ChunkLayout.Entry> entries = layout.entries();
            ChunkLayout.Entry entry = entries.get(i);
            ChunkView previous = i > 0 ? ChunkView.of(entries.get(i - 1), fileName) : null;
            ChunkView next = i + 1 < entries.size() ? ChunkView.of(entries.get(i + 1), fileName) : null;
            return Optional.of(new ChunkInContext(entry.chunk().chunkId(), query.docId().value(), fileName, entry.chunk().text(),
                    Citation.of(entry.chunk(), fileName), entry.hidden(), entry.edited(), previous, next));
        });
    }

    @QueryHandler
    UnplacedEdits handle(ListUnplacedEdits query) {
        return new UnplacedEdits(records.current(query.docId()).map(DocumentRecords.Current::unplaced).orElse(List.of()));
    }
}
