package com.ipexpert.command.knowledge;

import com.ipexpert.retrieval.KnowledgePipeline;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.index.KnowledgeDocument;

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
