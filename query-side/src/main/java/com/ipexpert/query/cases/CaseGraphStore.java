package com.ipexpert.query.cases;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.cases.CaseStatus;
import com.ipexpert.api.cases.CaseViews.CaseGraph;
import com.ipexpert.api.cases.CaseViews.CaseSummary;
import com.ipexpert.api.cases.CaseViews.EdgeView;
import com.ipexpert.api.cases.CaseViews.NodeView;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.edge.display.NodeTitles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the case-graph tables into the contract's shapes. The nodes and edges of the cases read last are kept in
 * memory (at most {@code ipexpert.cases.graph-cache-size} cases) under the revision of the case's row they were read
 * with: a read of a case whose row still has that revision answers them without reading the nodes and edges or
 * parsing their JSON again. The row itself is read every time (who may see the case, its status and times), and every
 * change of the case raises the revision in the same transaction ({@link CaseGraphBatch}), on every instance alike.
 */
@Component
class CaseGraphStore {
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final String SUMMARY = "select case_id, title, status, created_at, updated_at, owner, category, vendor, revision from case_view";
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Cache<String, Parts> graphs;

    CaseGraphStore(JdbcClient jdbc, ObjectMapper json, @Value("${ipexpert.cases.graph-cache-size:2000}") long cacheSize) {
        this.jdbc = jdbc;
        this.json = json;
        this.graphs = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /** @param revision changes with every change of the case's row, nodes or edges */
    record Row(CaseSummary summary, String owner, String category, String vendor, long revision) {
    }

    /** A case's nodes and edges as read at a revision of its row. */
    private record Parts(long revision, List<NodeView> nodes, List<EdgeView> edges) {
    }

    Optional<Row> row(String caseId) {
        return jdbc.sql(SUMMARY + " where case_id = ?").param(caseId).query(this::mapRow).optional();
    }

    Optional<CaseSummary> summary(String caseId) {
        return row(caseId).map(Row::summary);
    }

    List<CaseSummary> list(String owner, CaseStatus status, String vendor, String category) {
        StringBuilder sql = new StringBuilder(SUMMARY).append(" where owner = ?");
        List<Object> params = new ArrayList<>(List.of(owner));
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.wire());
        }
        if (vendor != null) {
            sql.append(" and lower(vendor) = lower(?)");
            params.add(vendor);
        }
        if (category != null) {
            sql.append(" and lower(category) = lower(?)");
            params.add(category);
        }
        sql.append(" order by updated_at desc, case_id");
        return jdbc.sql(sql.toString()).params(params).query(this::mapRow).list().stream().map(Row::summary).toList();
    }

    Optional<CaseGraph> graph(String caseId) {
        return row(caseId).map(row -> graph(caseId, row));
    }

    CaseGraph graph(String caseId, Row row) {
        Parts parts = parts(caseId, row);
        return new CaseGraph(row.summary().caseId(), row.summary().title(), row.summary().status(),
                row.category(), row.vendor(), row.summary().createdAt(), row.summary().updatedAt(),
                parts.nodes(), parts.edges());
    }

    /** The case's nodes and edges at the row's revision: kept from an earlier read of that revision, or read now. */
    private Parts parts(String caseId, Row row) {
        Parts kept = keptAt(row);
        if (kept != null) return kept;
        // Read after the row: what is read is at least as new as the row's revision, never older.
        Parts read = new Parts(row.revision(),
                List.copyOf(jdbc.sql("select node_id, type, status, content, metadata from case_node where case_id = ? order by seq")
                        .param(caseId).query(this::mapNode).list()),
                List.copyOf(jdbc.sql("select source, target from case_edge where case_id = ? order by id")
                        .param(caseId).query((rs, n) -> new EdgeView(rs.getString(1), rs.getString(2))).list()));
        graphs.put(caseId, read);
        return read;
    }

    Optional<NodeView> node(String caseId, String nodeId) {
        return jdbc.sql("select node_id, type, status, content, metadata from case_node where case_id = ? and node_id = ?")
                .params(caseId, nodeId).query(this::mapNode).optional();
    }

    /** The case's graph kept from an earlier read at the revision {@code row} has, or null. */
    private Parts keptAt(Row row) {
        Parts kept = graphs.getIfPresent(row.summary().caseId());
        return kept != null && kept.revision() == row.revision() ? kept : null;
    }

    /** One node of a case whose row was read: from the graph kept at the row's revision when there is one. */
    Optional<NodeView> node(Row row, String nodeId) {
        Parts kept = keptAt(row);
        if (kept != null) return kept.nodes().stream().filter(n -> n.id().equals(nodeId)).findFirst();
        return node(row.summary().caseId(), nodeId);
    }

    private Row mapRow(ResultSet rs, int n) throws SQLException {
        return new Row(new CaseSummary(rs.getString(1), rs.getString(2), CaseStatus.fromWire(rs.getString(3)),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getLong(9));
    }

    private NodeView mapNode(ResultSet rs, int n) throws SQLException {
        NodeType type = NodeType.valueOf(rs.getString(2));
        NodeStatus status = NodeStatus.valueOf(rs.getString(3));
        return new NodeView(rs.getString(1), type, NodeTitles.of(type, status), status, read(rs.getString(4)),
                read(rs.getString(5)));
    }

    private Map<String, Object> read(String text) {
        if (text == null) return null;
        try {
            return json.readValue(text, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored node JSON cannot be read", e);
        }
    }
}
