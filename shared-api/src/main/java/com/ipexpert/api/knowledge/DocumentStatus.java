package com.ipexpert.api.knowledge;

/** Where a document is in its ingestion, as the REST contract shows it: QUEUED → PARSING → INDEXED, or FAILED. */
public enum DocumentStatus {
    QUEUED, PARSING, INDEXED, FAILED
}
