package com.ipexpert.retrieval.index;

import java.util.List;

/** One ranked chunk, with its document and where in it the text sits. */
public record SearchHit(String chunkId, String docId, String fileName, String vendor, List<String> tags,
                        String text, double score, ChunkLocation location) {}
