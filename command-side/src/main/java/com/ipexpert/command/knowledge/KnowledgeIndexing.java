package com.ipexpert.command.knowledge;

import com.ipexpert.retrieval.KnowledgePipeline;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.index.KnowledgeDocument;

import com.ipexpert.api.knowledge.DocumentViews.ChunkChange;
import com.ipexpert.api.knowledge.DocumentViews.ChunkView;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way chunks get into or out of the knowledge index. The index worker (ingestion) and the
 * {@code knowledge-index} projection (rebuild) both write through here; writes to the same document are
 * serialised, so an ingestion and a rebuild of one document cannot interleave their delete and add.
 */
class KnowledgeIndexing {
    private final KnowledgePipeline pipeline;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    KnowledgeIndexing(KnowledgePipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Replaces whatever the index held for the document with these chunks. */
    void index(KnowledgeDocument document, List<ChunkDraft> chunks, Progress progress) {
        synchronized (lockOf(document.docId())) {
            pipeline.index(document, chunks, progress);
        }
    }

    /**
     * Brings the index in line with an administrator's chunk edit, from the document as its events now stand: hidden
     * and removed chunks out, changed ones embedded again.
     */
    void apply(DocumentRecords.Current current, ChunkChange change) {
        KnowledgeDocument document = current.document();
        synchronized (lockOf(document.docId())) {
            List<String> out = new ArrayList<>(change.removed());
            List<ChunkDraft> in = new ArrayList<>();
            for (ChunkView changed : change.chunks()) {
                var entry = current.layout().find(changed.chunkId());
                if (entry.isEmpty() || entry.get().hidden()) {
                    out.add(changed.chunkId());
                } else {
                    in.add(DocumentRecords.draft(entry.get().chunk()));
                }
            }
            if (!out.isEmpty()) pipeline.index().deleteChunks(document.docId(), out);
            if (!in.isEmpty()) pipeline.index().add(document, in, Progress.none());
        }
    }

    void delete(String docId) {
        synchronized (lockOf(docId)) {
            pipeline.index().deleteDocument(docId);
        }
    }

    void clear() {
        pipeline.index().clear();
    }

    private Object lockOf(String docId) {
        return locks.computeIfAbsent(docId, id -> new Object());
    }
}
