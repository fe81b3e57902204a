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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The case-graph read model: cases, their nodes and edges, as {@code GET /cases/...} shows them. Idempotent
 * (a redelivered event changes nothing), rebuilt by replay, and the source of every case's live stream.
 */
@Component
@ProcessingGroup(CaseGraphProjection.PROCESSING_GROUP)
class CaseGraphProjection {
    static final String PROCESSING_GROUP = "case-graph";
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final QueryUpdateEmitter updates;
    private final CaseGraphStore store;

    CaseGraphProjection(JdbcClient jdbc, ObjectMapper json, QueryUpdateEmitter updates, CaseGraphStore store) {
        this.jdbc = jdbc;
        this.json = json;
        this.updates = updates;
        this.store = store;
    }

    @EventHandler
    void on(CaseOpened e, @org.axonframework.eventhandling.Timestamp Instant at) {
        int added = jdbc.sql("""
                        insert into case_view (case_id, owner, title, query, status, created_at, updated_at)
                        select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from case_view where case_id = ?)""")
                .params(e.caseId().value(), e.owner(), e.title(), e.query(), CaseStatus.OPEN.wire(), ts(e.openedAt(), at),
                        ts(e.openedAt(), at), e.caseId().value())
                .update();
        if (added > 0) addEdge(e.caseId().value(), e.queryNode().value(), e.analysisNode().value());
    }

    @EventHandler
    void on(NodeCreated e, @org.axonframework.eventhandling.Timestamp Instant at) {
        int added = jdbc.sql("""
                        insert into case_node (node_id, case_id, type, status, content, metadata, created_at, updated_at)
                        select ?, ?, ?, ?, ?, null, ?, ? where not exists (select 1 from case_node where node_id = ?)""")
                .params(e.nodeId().value(), e.caseId().value(), e.type().name(), e.status().name(),
                        write(e.content()), ts(e.createdAt(), at), ts(e.createdAt(), at), e.nodeId().value())
                .update();
        if (added > 0) nodeChanged(e.caseId().value(), e.nodeId().value(), at);
    }

    @EventHandler
    void on(ClarificationAnswered e, @org.axonframework.eventhandling.Timestamp Instant at) {
        addEdge(e.caseId().value(), e.parentNode().value(), e.responseNode().value());
        addEdge(e.caseId().value(), e.responseNode().value(), e.analysisNode().value());
        // An answered clarification is done; a solution reported on stays what it was.
        int answered = jdbc.sql("update case_node set status = ?, updated_at = ? where node_id = ? and status = ?")
                .params(NodeStatus.COMPLETED.name(), Timestamp.from(at), e.parentNode().value(),
                        NodeStatus.AWAITING_USER_INPUT.name()).update();
        if (answered > 0) nodeChanged(e.caseId().value(), e.parentNode().value(), at);
        else touch(e.caseId().value(), at);
    }

    @EventHandler
    void on(AnalysisConcluded e, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("update case_node set type = ?, status = ?, content = ?, metadata = ?, updated_at = ? where node_id = ?")
                .params(e.type().name(), e.status().name(), write(e.content()), write(e.metadata()), Timestamp.from(at),
                        e.nodeId().value())
                .update();
        // The case shows the agent's current view of category and vendor as soon as the node does.
        jdbc.sql("update case_view set category = coalesce(?, category), vendor = coalesce(?, vendor) where case_id = ?")
                .params(e.category(), e.vendor(), e.caseId().value()).update();
        nodeChanged(e.caseId().value(), e.nodeId().value(), at);
    }

    @EventHandler
    void on(AnalysisAttemptFailed e, @org.axonframework.eventhandling.Timestamp Instant at) {
        Map<String, Object> metadata = NodeMetadata.afterFailedAttempt(e);
        jdbc.sql("update case_node set metadata = ?, updated_at = ? where node_id = ?")
                .params(write(metadata), Timestamp.from(at), e.nodeId().value()).update();
        nodeChanged(e.caseId().value(), e.nodeId().value(), at);
    }

    @EventHandler
    void on(AnalysisFailed e, @org.axonframework.eventhandling.Timestamp Instant at) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("error", e.reason());
        content.put("attempts", e.attempts());
        jdbc.sql("update case_node set status = ?, content = ?, updated_at = ? where node_id = ?")
                .params(NodeStatus.FAILED.name(), write(content), Timestamp.from(at), e.nodeId().value()).update();
        nodeChanged(e.caseId().value(), e.nodeId().value(), at);
    }

    @EventHandler
    void on(AnalysisRestarted e, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("update case_node set status = ?, content = null, updated_at = ? where node_id = ?")
                .params(NodeStatus.PROCESSING.name(), Timestamp.from(at), e.nodeId().value()).update();
        nodeChanged(e.caseId().value(), e.nodeId().value(), at);
    }

    @EventHandler
    void on(AnalysisOutcomeRecorded e, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("update case_view set category = coalesce(?, category), vendor = coalesce(?, vendor), updated_at = ? where case_id = ?")
                .params(e.category(), e.vendor(), Timestamp.from(at), e.caseId().value()).update();
        caseChanged(e.caseId().value());
    }

    @EventHandler
    void on(CaseSolved e, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("update case_view set status = ?, solved_at = ?, updated_at = ? where case_id = ? and status = ?")
                .params(CaseStatus.SOLVED.wire(), ts(e.solvedAt(), at), Timestamp.from(at), e.caseId().value(),
                        CaseStatus.OPEN.wire())
                .update();
        caseChanged(e.caseId().value());
    }

    @EventHandler
    void on(CaseReopened e, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("update case_view set status = ?, updated_at = ? where case_id = ?")
                .params(CaseStatus.OPEN.wire(), Timestamp.from(at), e.caseId().value()).update();
        caseChanged(e.caseId().value());
    }

    @EventHandler
    void on(CaseClosed e, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("update case_view set status = ?, updated_at = ? where case_id = ?")
                .params(CaseStatus.CLOSED.wire(), Timestamp.from(at), e.caseId().value()).update();
        caseChanged(e.caseId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from case_edge").update();
        jdbc.sql("delete from case_node").update();
        jdbc.sql("delete from case_view").update();
    }

    private void addEdge(String caseId, String source, String target) {
        int added = jdbc.sql("""
                        insert into case_edge (case_id, source, target)
                        select ?, ?, ? where not exists (select 1 from case_edge where case_id = ? and source = ? and target = ?)""")
                .params(caseId, source, target, caseId, source, target).update();
        if (added > 0 && watched(caseId)) {
            updates.emit(FindCaseGraph.class, q -> q.caseId().value().equals(caseId),
                    CaseChange.edge(caseId, new EdgeView(source, target)));
        }
    }

    private void touch(String caseId, Instant at) {
        jdbc.sql("update case_view set updated_at = ? where case_id = ?").params(Timestamp.from(at), caseId).update();
    }

    private void nodeChanged(String caseId, String nodeId, Instant at) {
        touch(caseId, at);
        if (!watched(caseId)) return;
        store.node(caseId, nodeId).ifPresent(node -> updates.emit(FindCaseGraph.class,
                q -> q.caseId().value().equals(caseId), CaseChange.node(caseId, node)));
    }

    private void caseChanged(String caseId) {
        if (!watched(caseId)) return;
        store.summary(caseId).ifPresent(summary -> updates.emit(FindCaseGraph.class,
                q -> q.caseId().value().equals(caseId), CaseChange.caseStatus(summary)));
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
