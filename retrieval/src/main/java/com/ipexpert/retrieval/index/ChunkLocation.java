package com.ipexpert.retrieval.index;

import java.util.List;

/** Where a chunk sits in its document, for citing it: the page (0 when unpaged) and the heading path. */
public record ChunkLocation(int page, List<String> headingPath) {

    public ChunkLocation {
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
    }

    /** For people: {@code p. 3 · 2 OSPF > 2.1 Areas}. */
    public String describe() {
        String path = String.join(" > ", headingPath);
        if (page <= 0) return path;
        return path.isEmpty() ? "p. " + page : "p. " + page + " · " + path;
    }
}
