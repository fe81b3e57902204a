package com.ipexpert.query.knowledge;

import com.ipexpert.api.knowledge.DocumentEvents.DocumentDeleted;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentFailed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentIndexed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentParsed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentProgressed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentReparseRequested;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentUploaded;
import com.ipexpert.api.knowledge.DocumentEvents.IngestionStepFailed;
import com.ipexpert.api.knowledge.DocumentEvents.IngestionStepStarted;
import com.ipexpert.api.knowledge.DocumentQueries.FindDocument;
import com.ipexpert.api.knowledge.DocumentStatus;
import com.ipexpert.api.knowledge.DocumentViews.DocumentDetail;
import com.ipexpert.api.knowledge.IngestionStage;
import com.ipexpert.api.knowledge.IngestionStep;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The document catalogue: each document's name, vendor, tags, status, progress and the message a person reads.
 * Idempotent, rebuilt by replay, and the source of each document's live stream.
 */
@Component
@ProcessingGroup(DocumentCatalogueProjection.PROCESSING_GROUP)
class DocumentCatalogueProjection {
    static final String PROCESSING_GROUP = "document-catalogue";
    static final String QUEUED_MESSAGE = "排队等待解析";
    private final JdbcClient jdbc;
    private final QueryUpdateEmitter updates;
    private final DocumentCatalogue catalogue;

    DocumentCatalogueProjection(JdbcClient jdbc, QueryUpdateEmitter updates, DocumentCatalogue catalogue) {
        this.jdbc = jdbc;
        this.updates = updates;
        this.catalogue = catalogue;
    }

    @EventHandler
    void on(DocumentUploaded e, @Timestamp Instant at) {
        Instant uploadedAt = e.uploadedAt() != null ? e.uploadedAt() : at;
        jdbc.sql("""
                        insert into knowledge_document (doc_id, file_name, vendor, tags, status, progress, message, format,
                                                        size_bytes, uploaded_by, created_at, updated_at)
                        select ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ? where not exists (select 1 from knowledge_document where doc_id = ?)""")
                .params(e.docId().value(), e.fileName(), e.vendor(), catalogue.write(e.tags()), DocumentStatus.QUEUED.name(),
                        QUEUED_MESSAGE, e.format(), e.size(), e.uploadedBy(), java.sql.Timestamp.from(uploadedAt),
                        java.sql.Timestamp.from(uploadedAt), e.docId().value())
                .update();
        changed(e.docId().value());
    }

    @EventHandler
    void on(IngestionStepStarted e, @Timestamp Instant at) {
        String message = e.step() == IngestionStep.PARSE ? "正在解析文档" : "正在生成向量并写入索引";
        int progress = e.step() == IngestionStep.PARSE ? IngestionStage.PARSE.overall(0) : IngestionStage.EMBED.overall(0);
        update(e.docId().value(), DocumentStatus.PARSING, progress, message, at);
    }

    @EventHandler
    void on(DocumentProgressed e, @Timestamp Instant at) {
        // progress only moves forward within a run; a retry starts its step again from that step's start
        jdbc.sql("update knowledge_document set progress = ?, updated_at = ? where doc_id = ? and status = ?")
                .params(e.stage().overall(e.percent()), java.sql.Timestamp.from(at), e.docId().value(),
                        DocumentStatus.PARSING.name())
                .update();
        changed(e.docId().value());
    }

    @EventHandler
    void on(DocumentParsed e, @Timestamp Instant at) {
        update(e.docId().value(), DocumentStatus.PARSING, IngestionStage.CHUNK.overall(100),
                "已解析为 " + e.chunks().size() + " 个片段，等待写入索引", at);
    }

    @EventHandler
    void on(IngestionStepFailed e, @Timestamp Instant at) {
        jdbc.sql("update knowledge_document set message = ?, updated_at = ? where doc_id = ?")
                .params("Attempt " + e.attempt() + " failed: " + e.reason(), java.sql.Timestamp.from(at), e.docId().value())
                .update();
        changed(e.docId().value());
    }

    @EventHandler
    void on(DocumentIndexed e, @Timestamp Instant at) {
        update(e.docId().value(), DocumentStatus.INDEXED, 100, "已索引 " + e.chunkCount() + " 个片段", at);
    }

    @EventHandler
    void on(DocumentFailed e, @Timestamp Instant at) {
        jdbc.sql("update knowledge_document set status = ?, message = ?, updated_at = ? where doc_id = ?")
                .params(DocumentStatus.FAILED.name(), e.reason(), java.sql.Timestamp.from(at), e.docId().value())
                .update();
        changed(e.docId().value());
    }

    @EventHandler
    void on(DocumentReparseRequested e, @Timestamp Instant at) {
        update(e.docId().value(), DocumentStatus.QUEUED, 0, QUEUED_MESSAGE, at);
    }

    @EventHandler
    void on(DocumentDeleted e, @Timestamp Instant at) {
        String docId = e.docId().value();
        catalogue.detail(docId).ifPresent(last -> {
            jdbc.sql("delete from knowledge_document where doc_id = ?").param(docId).update();
            updates.emit(FindDocument.class, q -> q.docId().value().equals(docId),
                    new DocumentDetail(last.docId(), last.fileName(), last.vendor(), last.tags(), last.status(),
                            last.progress(), "文档已删除", last.createdAt(), at, true));
        });
        updates.complete(FindDocument.class, q -> q.docId().value().equals(docId));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from knowledge_document").update();
    }

    private void update(String docId, DocumentStatus status, int progress, String message, Instant at) {
        jdbc.sql("update knowledge_document set status = ?, progress = ?, message = ?, updated_at = ? where doc_id = ?")
                .params(status.name(), progress, message, java.sql.Timestamp.from(at), docId).update();
        changed(docId);
    }

    private void changed(String docId) {
        catalogue.detail(docId).ifPresent(detail ->
                updates.emit(FindDocument.class, q -> q.docId().value().equals(docId), detail));
    }
}
