package com.ipexpert.retrieval.parse;

/** What a block of a parsed document is, which decides how the chunker may cut it. */
public enum BlockKind {
    /** A section title; its {@code level} places it in the heading path. */
    HEADING,
    /** Running text, cut at sentence ends. */
    PARAGRAPH,
    /** CLI commands, configuration or preformatted output: never cut mid-way. */
    COMMAND,
    /** Table rows, one per line with cells joined by {@code |}: never cut mid-way. */
    TABLE
}
