package com.ipexpert.retrieval.chunk;

import com.ipexpert.retrieval.Language;
import java.util.List;
import java.util.Objects;

/**
 * One chunk as the chunk stage hands it on: enough to embed and index it again at any time, so a saga can
 * keep these in its events and rebuild an index from them alone (vectors are never stored in events).
 *
 * @param ordinal     its position in the document, from 0; with the document id it names the chunk
 * @param text        the chunk's own text; command blocks and tables inside it are whole
 * @param headingPath the section headings above it, outermost first; empty when the document has none
 * @param page        the 1-based page it starts on, 0 when the format has no pages
 * @param language    the language it is embedded as
 * @param start       where its text begins in the parsed document's text ({@link
 *                    com.ipexpert.retrieval.parse.ParsedDocument#text()}), a character offset; -1 when unknown
 * @param end         where it ends there (exclusive); -1 when unknown
 */
public record ChunkDraft(int ordinal, String text, List<String> headingPath, int page, Language language, int start,
                         int end) {

    /** A chunk whose place in the parsed text is not known (built by hand, or from records older than ranges). */
    public ChunkDraft(int ordinal, String text, List<String> headingPath, int page, Language language) {
        this(ordinal, text, headingPath, page, language, -1, -1);
    }

    public ChunkDraft {
        if (ordinal < 0) throw new IllegalArgumentException("ordinal must not be negative");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        if (page < 0) throw new IllegalArgumentException("page must not be negative");
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
        if (start < 0 || end < start) {
            start = -1;
            end = -1;
        }
    }

    /** The text that is embedded and keyword-indexed: the heading path gives a short chunk its topic. */
    public String retrievalText() {
        return headingPath.isEmpty() ? text : String.join(" > ", headingPath) + "\n" + text;
    }
}
