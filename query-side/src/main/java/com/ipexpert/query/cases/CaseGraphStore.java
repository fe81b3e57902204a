package com.ipexpert.query.cases;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.cases.CaseStatus;
import com.ipexpert.api.cases.CaseViews.CaseGraph;
import com.ipexpert.api.cases.CaseViews.CaseSummary;
import com.ipexpert.api.cases.CaseViews.EdgeView;
import com.ipexpert.api.cases.CaseViews.NodeView;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.edge.display.NodeTitles;
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

/** Reads the case-graph tables into the contract's shapes. */
@Component
class CaseGraphStore {
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final String SUMMARY = "select case_id, title, status, created_at, updated_at, owner, category, vendor from case_view";
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CaseGraphStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Row(CaseSummary summary, String owner, String category, String vendor) {
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
        return new CaseGraph(row.summary().caseId(), row.summary().title(), row.summary().status(),
                row.category(), row.vendor(), row.summary().createdAt(), row.summary().updatedAt(),
                jdbc.sql("select node_id, type, status, content, metadata from case_node where case_id = ? order by seq")
                        .param(caseId).query(this::mapNode).list(),
                jdbc.sql("select source, target from case_edge where case_id = ? order by id")
                        .param(caseId).query((rs, n) -> new EdgeView(rs.getString(1), rs.getString(2))).list());
    }

    Optional<NodeView> node(String caseId, String nodeId) {
        return jdbc.sql("select node_id, type, status, content, metadata from case_node where case_id = ? and node_id = ?")
                .params(caseId, nodeId).query(this::mapNode).optional();
    }

    private Row mapRow(ResultSet rs, int n) throws SQLException {
        return new Row(new CaseSummary(rs.getString(1), rs.getString(2), CaseStatus.fromWire(rs.getString(3)),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()), rs.getString(6), rs.getString(7),
                rs.getString(8));
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
