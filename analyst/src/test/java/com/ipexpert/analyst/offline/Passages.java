package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.Evidence;

import java.util.List;

/** Builds retrieved knowledge passages for tests. */
final class Passages {

    private String chunkId = "chunk-1";
    private String docId = "doc-1";
    private String fileName = "manual.pdf";
    private String vendor;
    private List<String> tags = List.of();
    private String location = "p. 1";
    private String text = "";
    private double score = 0.5;

    static Passages passage(String chunkId) {
        Passages p = new Passages();
        p.chunkId = chunkId;
        p.docId = "doc-" + chunkId;
        return p;
    }

    Passages from(String fileName, String location) {
        this.fileName = fileName;
        this.location = location;
        return this;
    }

    Passages vendor(String vendor) {
        this.vendor = vendor;
        return this;
    }

    Passages tags(String... tags) {
        this.tags = List.of(tags);
        return this;
    }

    Passages text(String text) {
        this.text = text;
        return this;
    }

    Passages score(double score) {
        this.score = score;
        return this;
    }

    Evidence build() {
        return new Evidence(chunkId, docId, fileName, vendor, tags, location, text, score);
    }
}
