package com.ipexpert.api.knowledge;

/**
 * The steps of ingestion the saga runs, each by a worker, each with its own attempts and deadline: {@code PARSE}
 * reads the file and cuts it into chunks (the chunks travel in {@code DocumentParsed}); {@code INDEX} embeds
 * them and writes them to the index (vectors never travel in events).
 */
public enum IngestionStep {
    PARSE, INDEX
}
