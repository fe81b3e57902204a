package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * {@link DocumentFiles} in the database (table {@code document_file}), for the distributed stack: a file uploaded to
 * one command-side instance is read by the ingestion worker of whichever instance runs the step. A store replaces
 * the row in one transaction, so a reader sees the whole file or none.
 */
class DatabaseDocumentFiles implements DocumentFiles {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DatabaseDocumentFiles(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void store(DocumentId docId, byte[] content) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from document_file where doc_id = ?").param(docId.value()).update();
            jdbc.sql("insert into document_file (doc_id, content, size_bytes, stored_at) values (?, ?, ?, ?)")
                    .params(docId.value(), content, (long) content.length, Timestamp.from(clock.instant()))
                    .update();
        });
    }

    @Override
    public byte[] read(DocumentId docId) {
        Optional<byte[]> content = jdbc.sql("select content from document_file where doc_id = ?").param(docId.value())
                .query((rs, n) -> rs.getBytes(1)).optional();
        return content.orElseThrow(() -> new UncheckedIOException("the file of document " + docId + " cannot be read",
                new java.io.FileNotFoundException("no stored file for " + docId)));
    }

    @Override
    public boolean exists(DocumentId docId) {
        return jdbc.sql("select count(*) from document_file where doc_id = ?").param(docId.value())
                .query(Long.class).single() > 0;
    }

    @Override
    public void delete(DocumentId docId) {
        jdbc.sql("delete from document_file where doc_id = ?").param(docId.value()).update();
    }
}
