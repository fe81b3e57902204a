package com.ipexpert.api.knowledge;

/**
 * The finer stages progress is reported in, each with its share of the whole ingestion: parse 0..40,
 * chunk 40..50, embed 50..95, index 95..100.
 */
public enum IngestionStage {
    PARSE(0, 40), CHUNK(40, 50), EMBED(50, 95), INDEX(95, 100);

    private final int from;
    private final int to;

    IngestionStage(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** The overall progress 0..100 when this stage is {@code percent} done. */
    public int overall(int percent) {
        int p = Math.max(0, Math.min(100, percent));
        return from + (to - from) * p / 100;
    }
}
