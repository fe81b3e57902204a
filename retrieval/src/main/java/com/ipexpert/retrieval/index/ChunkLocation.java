package com.ipexpert.retrieval.index;

import java.util.List;

/**
 * Where a chunk sits in its document, for citing it: the page (0 when unpaged), the heading path, and the range of
 * characters {@code [start, end)} in the document's parsed text (-1 when unknown).
 */
public record ChunkLocation(int page, List<String> headingPath, int start, int end) {

    public ChunkLocation {
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
        if (start < 0 || end < start) {
            start = -1;
            end = -1;
        }
    }

    public ChunkLocation(int page, List<String> headingPath) {
        this(page, headingPath, -1, -1);
    }

    /** For people: {@code p. 3 · 2 OSPF > 2.1 Areas}; a passage without page or heading is named by its characters. */
    public String describe() {
        String path = String.join(" > ", headingPath);
        if (page <= 0) return path.isEmpty() && start >= 0 ? "chars " + start + "–" + end : path;
        return path.isEmpty() ? "p. " + page : "p. " + page + " · " + path;
    }
}
