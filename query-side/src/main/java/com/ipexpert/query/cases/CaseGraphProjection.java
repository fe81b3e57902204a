package com.ipexpert.query.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.cases.CaseEvents.AnalysisOutcomeRecorded;
import com.ipexpert.api.cases.CaseEvents.CaseClosed;
import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseEvents.CaseReopened;
import com.ipexpert.api.cases.CaseEvents.CaseSolved;
import com.ipexpert.api.cases.CaseEvents.ClarificationAnswered;
import com.ipexpert.api.cases.CaseQueries.FindCaseGraph;
import com.ipexpert.api.cases.CaseStatus;
import com.ipexpert.api.cases.CaseViews.CaseChange;
import com.ipexpert.api.cases.CaseViews.EdgeView;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptFailed;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import com.ipexpert.api.cases.NodeEvents.AnalysisFailed;
import com.ipexpert.api.cases.NodeEvents.AnalysisRestarted;
import com.ipexpert.api.cases.NodeEvents.NodeCreated;
import com.ipexpert.api.cases.NodeStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The case-graph read model: cases, their nodes and edges, as {@code GET /cases/...} shows them. Idempotent
 * (a redelivered event changes nothing), rebuilt by replay, and the source of every case's live stream. Rows a batch
 * of events creates are gathered and written together when the batch commits ({@link CaseGraphBatch}).
 */
@Component
@ProcessingGroup(CaseGraphProjection.PROCESSING_GROUP)
class CaseGraphProjection {
    static final String PROCESSING_GROUP = "case-graph";
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final QueryUpdateEmitter updates;
    private final CaseGraphStore store;
    private final JdbcTemplate batchJdbc;

    CaseGraphProjection(JdbcClient jdbc, JdbcTemplate batchJdbc, ObjectMapper json, QueryUpdateEmitter updates,
                        CaseGraphStore store) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.json = json;
        this.updates = updates;
        this.store = store;
    }

    @EventHandler
    void on(CaseOpened e, @org.axonframework.eventhandling.Timestamp Instant at) {
        inBatch(e.caseId().value(), batch -> {
            String caseId = e.caseId().value();
            batch.openCase(new CaseGraphBatch.CaseRow(caseId, e.owner(), e.title(), e.query(), CaseStatus.OPEN.wire(),
                    ts(e.openedAt(), at)));
            addEdge(batch, caseId, e.queryNode().value(), e.analysisNode().value());
        });
    }

    @EventHandler
    void on(NodeCreated e, @org.axonframework.eventhandling.Timestamp Instant at) {
        inBatch(e.caseId().value(), batch -> {
            batch.createNode(new CaseGraphBatch.NodeRow(e.nodeId().value(), e.caseId().value(), e.type().name(),
                    e.status().name(), write(e.content()), ts(e.createdAt(), at)));
            nodeChanged(batch, e.caseId().value(), e.nodeId().value(), at);
        });
    }

    @EventHandler
    void on(ClarificationAnswered e, @org.axonframework.eventhandling.Timestamp Instant at) {
        inBatch(e.caseId().value(), batch -> {
            String caseId = e.caseId().value();
            addEdge(batch, caseId, e.parentNode().value(), e.responseNode().value());
            addEdge(batch, caseId, e.responseNode().value(), e.analysisNode().value());
            // An answered clarification is done; a solution reported on stays what it was.
            CaseGraphBatch.NodeRow parent = batch.pendingNode(e.parentNode().value());
            boolean answered;
            if (parent != null) {
                answered = parent.status.equals(NodeStatus.AWAITING_USER_INPUT.name());
                if (answered) {
                    parent.status = NodeStatus.COMPLETED.name();
                    parent.updatedAt = Timestamp.from(at);
                }
            } else {
                answered = jdbc.sql("update case_node set status = ?, updated_at = ? where node_id = ? and status = ?")
                        .params(NodeStatus.COMPLETED.name(), Timestamp.from(at), e.parentNode().value(),
                                NodeStatus.AWAITING_USER_INPUT.name()).update() > 0;
            }
            if (answered) nodeChanged(batch, caseId, e.parentNode().value(), at);
            else batch.touch(caseId, Timestamp.from(at));
        });
    }

    @EventHandler
    void on(AnalysisConcluded e, @org.axonframework.eventhandling.Timestamp Instant at) {
        inBatch(e.caseId().value(), batch -> {
            String content = write(e.content());
            String metadata = write(e.metadata());
            updateNode(batch, e.nodeId().value(), at, node -> {
                node.type = e.type().name();
                node.status = e.status().name();
                node.content = content;
                node.metadata = metadata;
            }, "update case_node set type = ?, status = ?, content = ?, metadata = ?, updated_at = ? where node_id = ?",
                    e.type().name(), e.status().name(), content, metadata, Timestamp.from(at), e.nodeId().value());
            // The case shows the agent's current view of category and vendor as soon as the node does.
            classify(batch, e.caseId().value(), e.category(), e.vendor());
            nodeChanged(batch, e.caseId().value(), e.nodeId().value(), at);
        });
    }

    @EventHandler
    void on(AnalysisAttemptFailed e, @org.axonframework.eventhandling.Timestamp Instant at) {
        inBatch(e.caseId().value(), batch -> {
            String metadata = write(NodeMetadata.afterFailedAttempt(e));
            updateNode(batch, e.nodeId().value(), at, node -> node.metadata = metadata,
                    "update case_node set metadata = ?, updated_at = ? where node_id = ?",
                    metadata, Timestamp.from(at), e.nodeId().value());
            nodeChanged(batch, e.caseId().value(), e.nodeId().value(), at);
        });
    }

    @EventHandler
    void on(AnalysisFailed e, @org.axonframework.eventhandling.Timestamp Instant at) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("error", e.reason());
        failure.put("attempts", e.attempts());
        String content = write(failure);
        inBatch(e.caseId().value(), batch -> {
            updateNode(batch, e.nodeId().value(), at, node -> {
                node.status = NodeStatus.FAILED.name();
                node.content = content;
            }, "update case_node set status = ?, content = ?, updated_at = ? where node_id = ?",
                    NodeStatus.FAILED.name(), content, Timestamp.from(at), e.nodeId().value());
            nodeChanged(batch, e.caseId().value(), e.nodeId().value(), at);
        });
    }

    @EventHandler
    void on(AnalysisRestarted e, @org.axonframework.eventhandling.Timestamp Instant at) {
        inBatch(e.caseId().value(), batch -> {
            updateNode(batch, e.nodeId().value(), at, node -> {
                node.status = NodeStatus.PROCESSING.name();
                node.content = null;
            }, "update case_node set status = ?, content = null, updated_at = ? where node_id = ?",
                    NodeStatus.PROCESSING.name(), Timestamp.from(at), e.nodeId().value());
            nodeChanged(batch, e.caseId().value(), e.nodeId().value(), at);
        });
    }

    @EventHandler
    void on(AnalysisOutcomeRecorded e, @org.axonframework.eventhandling.Timestamp Instant at) {
        inBatch(e.caseId().value(), batch -> {
            classify(batch, e.caseId().value(), e.category(), e.vendor());
            batch.touch(e.caseId().value(), Timestamp.from(at));
            caseChanged(batch, e.caseId().value());
        });
    }

    @EventHandler
    void on(CaseSolved e, @org.axonframework.eventhandling.Timestamp Instant at) {
        Timestamp solvedAt = ts(e.solvedAt(), at);
        inBatch(e.caseId().value(), batch -> {
            CaseGraphBatch.CaseRow pending = batch.pendingCase(e.caseId().value());
            if (pending != null) {
                if (pending.status.equals(CaseStatus.OPEN.wire())) {
                    pending.status = CaseStatus.SOLVED.wire();
                    pending.solvedAt = solvedAt;
                    pending.touch(Timestamp.from(at));
                }
            } else {
                jdbc.sql("update case_view set status = ?, solved_at = ?, updated_at = ? where case_id = ? and status = ?")
                        .params(CaseStatus.SOLVED.wire(), solvedAt, Timestamp.from(at), e.caseId().value(),
                                CaseStatus.OPEN.wire())
                        .update();
            }
            caseChanged(batch, e.caseId().value());
        });
    }

    @EventHandler
    void on(CaseReopened e, @org.axonframework.eventhandling.Timestamp Instant at) {
        inBatch(e.caseId().value(), batch -> setStatus(batch, e.caseId().value(), CaseStatus.OPEN, at));
    }

    @EventHandler
    void on(CaseClosed e, @org.axonframework.eventhandling.Timestamp Instant at) {
        inBatch(e.caseId().value(), batch -> setStatus(batch, e.caseId().value(), CaseStatus.CLOSED, at));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from case_edge").update();
        jdbc.sql("delete from case_node").update();
        jdbc.sql("delete from case_view").update();
    }

    /**
     * Runs a handler of an event of case {@code caseId} on the batch of its unit of work, or, called outside one, on a
     * batch written at once; either way the case's revision goes up when the batch is written.
     */
    private void inBatch(String caseId, java.util.function.Consumer<CaseGraphBatch> handler) {
        CaseGraphBatch batch = CaseGraphBatch.current(batchJdbc);
        if (batch != null) {
            handler.accept(batch);
            batch.changed(caseId);
        } else {
            CaseGraphBatch alone = new CaseGraphBatch();
            handler.accept(alone);
            alone.changed(caseId);
            alone.write(batchJdbc);
        }
    }

    /** Changes a node: in memory when this batch created it, otherwise with {@code sql} at once. */
    private void updateNode(CaseGraphBatch batch, String nodeId, Instant at,
                            java.util.function.Consumer<CaseGraphBatch.NodeRow> change, String sql, Object... params) {
        CaseGraphBatch.NodeRow pending = batch.pendingNode(nodeId);
        if (pending != null) {
            change.accept(pending);
            pending.updatedAt = Timestamp.from(at);
        } else {
            jdbc.sql(sql).params(params).update();
        }
    }

    private void classify(CaseGraphBatch batch, String caseId, String category, String vendor) {
        if (category == null && vendor == null) return;
        CaseGraphBatch.CaseRow pending = batch.pendingCase(caseId);
        if (pending != null) {
            if (category != null) pending.category = category;
            if (vendor != null) pending.vendor = vendor;
        } else {
            jdbc.sql("update case_view set category = coalesce(?, category), vendor = coalesce(?, vendor) where case_id = ?")
                    .params(category, vendor, caseId).update();
        }
    }

    private void setStatus(CaseGraphBatch batch, String caseId, CaseStatus status, Instant at) {
        CaseGraphBatch.CaseRow pending = batch.pendingCase(caseId);
        if (pending != null) {
            pending.status = status.wire();
            pending.touch(Timestamp.from(at));
        } else {
            jdbc.sql("update case_view set status = ?, updated_at = ? where case_id = ?")
                    .params(status.wire(), Timestamp.from(at), caseId).update();
        }
        caseChanged(batch, caseId);
    }

    private void addEdge(CaseGraphBatch batch, String caseId, String source, String target) {
        if (batch.addEdge(caseId, source, target) && watched(caseId)) {
            batch.afterWrite(() -> updates.emit(FindCaseGraph.class, q -> q.caseId().value().equals(caseId),
                    CaseChange.edge(caseId, new EdgeView(source, target))));
        }
    }

    private void nodeChanged(CaseGraphBatch batch, String caseId, String nodeId, Instant at) {
        batch.touch(caseId, Timestamp.from(at));
        if (!watched(caseId)) return;
        batch.afterWrite(() -> store.node(caseId, nodeId).ifPresent(node -> updates.emit(FindCaseGraph.class,
                q -> q.caseId().value().equals(caseId), CaseChange.node(caseId, node))));
    }

    private void caseChanged(CaseGraphBatch batch, String caseId) {
        if (!watched(caseId)) return;
        batch.afterWrite(() -> store.summary(caseId).ifPresent(summary -> updates.emit(FindCaseGraph.class,
                q -> q.caseId().value().equals(caseId), CaseChange.caseStatus(summary))));
    }

    /** Whether anyone streams this case: changes are read back for the stream only then (replays stay cheap). */
    private boolean watched(String caseId) {
        return updates.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindCaseGraph q && q.caseId().value().equals(caseId));
    }

    private String write(Object value) {
        if (value == null) return null;
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Node content cannot be written as JSON", e);
        }
    }

    private static Timestamp ts(Instant preferred, Instant fallback) {
        return Timestamp.from(preferred != null ? preferred : fallback);
    }
}
