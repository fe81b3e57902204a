package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentEvents.DocumentDeleted;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentIndexed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge index as a replayable projection of the document events: resetting the {@code knowledge-index}
 * processor clears the index and rebuilds it from the chunks kept in {@code DocumentParsed}, re-embedding them.
 * <p>
 * On live events it does no indexing: the index worker has already written a document before its
 * {@code DocumentIndexed} is stored, and a lagging projection must not bring back a document deleted since.
 * During a replay every {@code DocumentIndexed} is indexed again and every {@code DocumentDeleted} removed, in
 * event order, so the rebuilt index holds exactly the documents that are indexed and not deleted.
 */
@ProcessingGroup(KnowledgeIndexProjection.PROCESSING_GROUP)
class KnowledgeIndexProjection {
    static final String PROCESSING_GROUP = "knowledge-index";
    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexProjection.class);
    private final KnowledgeIndexing indexing;
    private final DocumentRecords records;

    KnowledgeIndexProjection(KnowledgeIndexing indexing, DocumentRecords records) {
        this.indexing = indexing;
        this.records = records;
    }

    @EventHandler
    void on(DocumentIndexed e, ReplayStatus replay) {
        if (!replay.isReplay()) return;
        records.latestParse(e.docId(), e.attempt()).ifPresentOrElse(
                doc -> indexing.index(doc.document(), doc.chunks(), (done, total) -> { }),
                () -> log.warn("Document {} was indexed at attempt {} but its events hold no parse to rebuild from", e.docId(), e.attempt()));
    }

    @EventHandler
    void on(DocumentDeleted e) {
        indexing.delete(e.docId().value());
    }

    @ResetHandler
    void reset() {
        indexing.clear();
    }
}
