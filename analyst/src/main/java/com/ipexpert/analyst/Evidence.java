package com.ipexpert.analyst;

import java.util.List;

/** One retrieved knowledge passage the analyst may cite. {@code location} is a page or a section heading path. */
public record Evidence(String chunkId, String docId, String fileName, String vendor, List<String> tags,
                       String location, String text, double score) {
}
