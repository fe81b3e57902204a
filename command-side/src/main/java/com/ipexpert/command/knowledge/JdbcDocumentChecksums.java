package com.ipexpert.command.knowledge;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/**
 * {@link DocumentChecksums} in the {@code document_checksum} table. It is the command side's own table, not the
 * query side's catalogue: the catalogue lags behind the events and belongs to another process in the distributed
 * stack, while this row is written in the same transaction as {@code DocumentUploaded} (the JDBC calls join the
 * transaction Axon opened for the command), so a refused or rolled-back upload leaves no row behind.
 */
class JdbcDocumentChecksums implements DocumentChecksums {
    private final JdbcClient jdbc;

    JdbcDocumentChecksums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> claim(String sha256, String docId) {
        // insert-if-absent, so PostgreSQL's transaction is never aborted by a key violation on the common path
        int added = jdbc.sql("""
                        insert into document_checksum (sha256, doc_id)
                        select ?, ? where not exists (select 1 from document_checksum where sha256 = ?)""")
                .params(sha256, docId, sha256).update();
        if (added > 0) return Optional.empty();
        return jdbc.sql("select doc_id from document_checksum where sha256 = ?").param(sha256).query(String.class).optional()
                .filter(existing -> !existing.equals(docId));
    }

    @Override
    public void release(String sha256, String docId) {
        jdbc.sql("delete from document_checksum where sha256 = ? and doc_id = ?").params(sha256, docId).update();
    }
}
