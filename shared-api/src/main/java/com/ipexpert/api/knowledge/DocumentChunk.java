package com.ipexpert.api.knowledge;

import java.util.List;

/**
 * One chunk of a parsed document, as it is kept in {@code DocumentParsed}: enough to embed and index it again,
 * so the index can be rebuilt from events alone.
 *
 * @param chunkId     {@code docId#ordinal}, stable across re-indexing
 * @param ordinal     its position in the document, from 0
 * @param headingPath the headings above it, outermost first
 * @param page        the 1-based page it starts on, 0 for formats without pages
 * @param language    {@code ENGLISH} or {@code CHINESE}: the model it is embedded with
 */
public record DocumentChunk(String chunkId, int ordinal, String text, List<String> headingPath, int page,
                            String language) {
    public DocumentChunk {
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
    }
}
