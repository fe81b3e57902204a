package com.ipexpert.retrieval.parse;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the parse stage hands to the chunk stage: the document's text as ordered structural blocks.
 * A plain value (strings, numbers, lists) so a saga can carry it in an event or store it between steps.
 *
 * @param fileName  the name the file was uploaded under
 * @param format    the format its content was detected as
 * @param pageCount pages of a paged format, 0 when the format has none
 * @param blocks    headings, paragraphs, command blocks and tables in reading order
 */
public record ParsedDocument(String fileName, DocumentFormat format, int pageCount, List<TextBlock> blocks) {

    public ParsedDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(format, "format");
        if (pageCount < 0) throw new IllegalArgumentException("pageCount must not be negative");
        blocks = List.copyOf(blocks);
    }

    /** All text, blocks separated by blank lines: for previews and tests. */
    public String text() {
        return blocks.stream().map(TextBlock::text).collect(Collectors.joining("\n\n"));
    }

    public int charCount() {
        return blocks.stream().mapToInt(b -> b.text().length()).sum();
    }
}
