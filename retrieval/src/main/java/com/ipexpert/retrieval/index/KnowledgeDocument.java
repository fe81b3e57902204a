package com.ipexpert.retrieval.index;

import java.util.List;
import java.util.Objects;

/** The document a set of chunks belongs to, with what search filters on. */
public record KnowledgeDocument(String docId, String fileName, String vendor, List<String> tags) {

    public KnowledgeDocument {
        if (docId == null || docId.isBlank()) throw new IllegalArgumentException("docId must be given");
        Objects.requireNonNull(fileName, "fileName");
        vendor = vendor == null ? "" : vendor.strip();
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** The id of one of this document's chunks: stable, so indexing the same chunks twice changes nothing. */
    public String chunkId(int ordinal) {
        return docId + "#" + ordinal;
    }
}
