package com.ipexpert.retrieval.parse;

import java.util.Objects;

/**
 * One structural block of a parsed document.
 *
 * @param kind  what the block is
 * @param text  its text; lines of commands and tables are separated by {@code \n}
 * @param page  the 1-based page it starts on, 0 for formats without pages (DOCX, TXT, MD)
 * @param level heading level 1..6 for {@link BlockKind#HEADING}, 0 for everything else
 */
public record TextBlock(BlockKind kind, String text, int page, int level) {

    public TextBlock {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (page < 0) throw new IllegalArgumentException("page must not be negative");
        if (kind == BlockKind.HEADING && (level < 1 || level > 6)) {
            throw new IllegalArgumentException("a heading has a level between 1 and 6");
        }
        if (kind != BlockKind.HEADING) level = 0;
    }

    public static TextBlock heading(String text, int level, int page) {
        return new TextBlock(BlockKind.HEADING, text, page, level);
    }

    public static TextBlock paragraph(String text, int page) {
        return new TextBlock(BlockKind.PARAGRAPH, text, page, 0);
    }

    public static TextBlock command(String text, int page) {
        return new TextBlock(BlockKind.COMMAND, text, page, 0);
    }

    public static TextBlock table(String text, int page) {
        return new TextBlock(BlockKind.TABLE, text, page, 0);
    }
}
