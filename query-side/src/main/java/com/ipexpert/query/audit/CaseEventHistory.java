package com.ipexpert.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a case's history straight from the event store ({@code domain_event_entry}): the case's own events and those
 * of its nodes, in the order they were stored (global index). The case's events name its nodes.
 */
@Component
class CaseEventHistory {
    private static final String COLUMNS = """
            select global_index, type, aggregate_identifier, sequence_number, payload_type, payload_revision,
                   time_stamp, meta_data, payload from domain_event_entry""";
    /** Fields of case events that name a node aggregate of the case. */
    private static final List<String> NODE_FIELDS = List.of("queryNode", "analysisNode", "responseNode");
    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    CaseEventHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event of the case and of its nodes, oldest first; empty when no such case was ever opened. */
    List<StoredEvent> of(String caseId) {
        List<StoredEvent> events = new ArrayList<>();
        each(caseId, events::add);
        return events;
    }

    /** Hands each event of the case and its nodes to {@code sink} in global order, without holding them all. */
    void each(String caseId, Consumer<StoredEvent> sink) {
        List<String> aggregates = aggregatesOf(caseId);
        if (aggregates.isEmpty()) return;
        String marks = String.join(",", Collections.nCopies(aggregates.size(), "?"));
        jdbc.sql(COLUMNS + " where aggregate_identifier in (" + marks + ") order by global_index")
                .params(new ArrayList<Object>(aggregates))
                .query(rs -> {
                    sink.accept(map(rs));
                });
    }

    /** The case's own id followed by the ids of its nodes; empty for an unknown case. */
    private List<String> aggregatesOf(String caseId) {
        List<StoredEvent> caseEvents = jdbc.sql(COLUMNS + " where aggregate_identifier = ? and type = 'Case' order by sequence_number")
                .param(caseId).query((rs, n) -> map(rs)).list();
        if (caseEvents.isEmpty()) return List.of();
        Set<String> ids = new LinkedHashSet<>();
        ids.add(caseId);
        for (StoredEvent event : caseEvents) {
            JsonNode payload = readTree(event.payload());
            for (String field : NODE_FIELDS) {
                JsonNode node = payload.get(field);
                if (node != null && node.isTextual()) ids.add(node.asText());
            }
        }
        return List.copyOf(ids);
    }

    private JsonNode readTree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return json.createObjectNode(); // an unreadable payload names no nodes; verify reports it
        }
    }

    private static StoredEvent map(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), Instant.parse(rs.getString(7)), rs.getBytes(8), rs.getBytes(9));
    }
}
