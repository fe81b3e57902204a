package com.ipexpert.retrieval.index;

import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import java.util.List;

/**
 * The seam the rest of IP Expert uses for knowledge: chunks go in as text (the index embeds them itself, so
 * it can always be rebuilt from chunk records alone) and questions come out as ranked chunks. Implementations
 * are thread-safe, and a change is visible to the next search as soon as the call returns.
 */
public interface KnowledgeIndex extends AutoCloseable {

    /**
     * Embeds and stores the chunks of a document. Idempotent per chunk id ({@code docId#ordinal}): adding the
     * same chunks again replaces them. To replace a document with fewer chunks, delete it first.
     *
     * @param progress told of chunks embedded and stored
     */
    void add(KnowledgeDocument document, List<ChunkDraft> chunks, Progress progress);

    /** Removes every chunk of the document; none is found by any later search. Unknown ids are no error. */
    void deleteDocument(String docId);

    /**
     * Removes some chunks of a document (an administrator hid, split or merged them); unknown ids are no error.
     * Stores that cannot yet do this refuse, and chunk edits then fail rather than leave stale passages.
     */
    default void deleteChunks(String docId, java.util.Collection<String> chunkIds) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot delete single chunks yet");
    }

    /**
     * The chunk as stored, when it is still in the index: what a citation checks at the moment it is made, so a
     * passage deleted or hidden while a step was running is not cited. Stores that cannot look a chunk up answer
     * empty for none.
     */
    default java.util.Optional<SearchHit> find(String chunkId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot look up single chunks yet");
    }

    /** Removes every chunk of every document, for a rebuild. */
    void clear();

    /** Chunks stored. */
    long count();

    /** Chunks stored for one document. */
    long count(String docId);

    List<SearchHit> search(KnowledgeQuery query);

    /** The same search with its parts spelled out; {@code vendor} may be null and {@code tags} empty. */
    default List<SearchHit> search(String text, double weight, List<String> tags, String vendor, int k) {
        return search(new KnowledgeQuery(text, weight, tags, vendor, k));
    }

    @Override
    void close();
}
