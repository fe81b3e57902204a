package com.ipexpert.query.statistics;

import com.ipexpert.api.knowledge.DocumentEvents.DocumentDeleted;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentIndexed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentReparseRequested;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentUploaded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Which knowledge documents of which vendor are indexed, and which vendors' coverage must be measured again because
 * a document was indexed, re-parsed or deleted. The measuring itself asks the knowledge index
 * ({@link KnowledgeCoverageSource}), which is filled by its own projection, possibly a moment later.
 */
@Component
@ProcessingGroup(KnowledgeCoverageProjection.PROCESSING_GROUP)
class KnowledgeCoverageProjection {
    static final String PROCESSING_GROUP = "knowledge-coverage";
    private final JdbcClient jdbc;
    private final KnowledgeCoverageMeasurer measurer;

    KnowledgeCoverageProjection(JdbcClient jdbc, KnowledgeCoverageMeasurer measurer) {
        this.jdbc = jdbc;
        this.measurer = measurer;
    }

    @EventHandler
    void on(DocumentUploaded e) {
        jdbc.sql("""
                        insert into knowledge_coverage_document (doc_id, vendor, indexed)
                        select ?, ?, false where not exists (select 1 from knowledge_coverage_document where doc_id = ?)""")
                .params(e.docId().value(), blankToNull(e.vendor()), e.docId().value()).update();
    }

    @EventHandler
    void on(DocumentIndexed e, @Timestamp Instant at) {
        jdbc.sql("update knowledge_coverage_document set indexed = true where doc_id = ?").param(e.docId().value()).update();
        changed(e.docId().value(), at);
    }

    @EventHandler
    void on(DocumentReparseRequested e, @Timestamp Instant at) {
        jdbc.sql("update knowledge_coverage_document set indexed = false where doc_id = ?").param(e.docId().value()).update();
        changed(e.docId().value(), at);
    }

    @EventHandler
    void on(DocumentDeleted e, @Timestamp Instant at) {
        changed(e.docId().value(), at);
        jdbc.sql("delete from knowledge_coverage_document where doc_id = ?").param(e.docId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from knowledge_coverage").update();
        jdbc.sql("delete from knowledge_coverage_pending").update();
        jdbc.sql("delete from knowledge_coverage_document").update();
    }

    private void changed(String docId, Instant at) {
        jdbc.sql("select vendor from knowledge_coverage_document where doc_id = ? and vendor is not null").param(docId)
                .query(String.class).optional().ifPresent(vendor -> {
                    int updated = jdbc.sql("update knowledge_coverage_pending set changed_at = ? where vendor = ?")
                            .params(java.sql.Timestamp.from(at), vendor).update();
                    if (updated == 0) {
                        jdbc.sql("insert into knowledge_coverage_pending (vendor, changed_at) values (?, ?)")
                                .params(vendor, java.sql.Timestamp.from(at)).update();
                    }
                    measurer.afterCommit();
                });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
