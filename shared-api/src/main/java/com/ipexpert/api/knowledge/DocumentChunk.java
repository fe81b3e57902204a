package com.ipexpert.api.knowledge;

import java.util.List;

/**
 * One chunk of a parsed document, as events keep it ({@code DocumentChunksParsed}, and {@code DocumentParsed} before
 * chunks travelled in batches): enough to embed and index it again, so the index can be rebuilt from events alone.
 *
 * @param chunkId     {@code docId#ordinal}, stable across re-indexing
 * @param ordinal     names the chunk within its parse, from 0 (chunks made by a split take numbers after the last)
 * @param headingPath the headings above it, outermost first
 * @param page        the 1-based page it starts on, 0 for formats without pages
 * @param language    {@code ENGLISH} or {@code CHINESE}: the model it is embedded with
 * @param start       where its text begins in the parsed document's text (a character offset); -1 when unknown
 * @param end         where it ends there (exclusive); -1 when unknown
 */
public record DocumentChunk(String chunkId, int ordinal, String text, List<String> headingPath, int page,
                            String language, int start, int end) {
    public DocumentChunk {
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
    }

    public DocumentChunk withText(String newText) {
        return new DocumentChunk(chunkId, ordinal, newText, headingPath, page, language, start, end);
    }
}
