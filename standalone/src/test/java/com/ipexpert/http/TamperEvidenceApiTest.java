package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ipexpert.TestDatabase;
import com.ipexpert.edge.audit.EventLinks;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.ipexpert.http.CaseSteps.open;
import static com.ipexpert.http.CaseSteps.settled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with write access to the database, but not the chain key, changes a case's history in SQL: every change is
 * named by {@code /verify}, while an untouched case stays valid.
 */
class TamperEvidenceApiTest extends ApplicationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Row(long globalIndex, long sequence, String payloadType, byte[] payload, byte[] metaData) {
    }

    /** A closed case: its own aggregate holds at least three events (opened, outcome recorded, closed). */
    private String closedCase(Api engineer, String query) {
        CaseSteps.OpenedCase opened = open(engineer, query);
        settled(engineer, opened.caseId(), opened.analysisNode());
        assertThat(engineer.post("/api/v1/cases/" + opened.caseId() + "/close", Map.of()).status()).isEqualTo(200);
        return opened.caseId();
    }

    private JsonNode verify(Api auditor, String caseId) {
        Api.Response verdict = auditor.await("/api/v1/audit/cases/" + caseId + "/verify", r -> r.status() == 200,
                java.time.Duration.ofSeconds(10));
        return verdict.body();
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
    }

    private static List<Row> rows(String aggregateId) throws Exception {
        try (Connection db = db(); PreparedStatement select = db.prepareStatement("""
                select global_index, sequence_number, payload_type, payload, meta_data from domain_event_entry
                 where aggregate_identifier = ? order by sequence_number""")) {
            select.setString(1, aggregateId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5)));
            }
            return rows;
        }
    }

    private static void write(long globalIndex, byte[] payload, byte[] metaData) throws Exception {
        try (Connection db = db(); PreparedStatement update = db.prepareStatement(
                "update domain_event_entry set payload = ?, meta_data = ? where global_index = ?")) {
            update.setBytes(1, payload);
            update.setBytes(2, metaData);
            update.setLong(3, globalIndex);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void a_rewritten_payload_a_rewritten_chain_and_a_cut_tail_are_each_named_and_an_untouched_case_stays_valid() throws Exception {
        Api engineer = newUser("user");
        Api auditor = newUser("auditor");
        String untouched = closedCase(engineer, "OSPF邻居状态卡在ExStart");
        String rewritten = closedCase(engineer, "BGP session flaps every 3 minutes");
        String relinked = closedCase(engineer, "VRRP主备切换频繁");
        String truncated = closedCase(engineer, "IS-IS adjacency stuck in INIT");
        for (String caseId : List.of(untouched, rewritten, relinked, truncated)) {
            JsonNode intact = verify(auditor, caseId);
            assertThat(intact.get("valid").asBoolean()).as(intact.toString()).isTrue();
            assertThat(intact.has("legacyEvents")).isFalse();
        }

        // 1. one payload rewritten in place: the case's first event
        Row opened = rows(rewritten).get(0);
        write(opened.globalIndex(), new String(opened.payload(), StandardCharsets.UTF_8).replace("BGP", "RIP")
                .getBytes(StandardCharsets.UTF_8), opened.metaData());
        JsonNode one = verify(auditor, rewritten);
        assertThat(one.get("valid").asBoolean()).isFalse();
        assertThat(one.get("firstInvalid").get("aggregateId").asText()).isEqualTo(rewritten);
        assertThat(one.get("firstInvalid").get("sequence").asLong()).isEqualTo(0);

        // 2. a payload rewritten and every later plain link recomputed, as the old SHA-256 chain allowed
        List<Row> chain = rows(relinked);
        assertThat(chain.size()).isGreaterThanOrEqualTo(3);
        String previous = null;
        for (Row row : chain) {
            byte[] payload = row.sequence() == 1
                    ? new String(row.payload(), StandardCharsets.UTF_8).replace("VRRP", "HSRP").getBytes(StandardCharsets.UTF_8)
                    : row.payload();
            String link = EventLinks.ofStored(previous, row.payloadType(), payload);
            ObjectNode meta = (ObjectNode) JSON.readTree(row.metaData());
            meta.put(EventLinks.LINK, link);
            write(row.globalIndex(), payload, JSON.writeValueAsBytes(meta));
            previous = link;
        }
        JsonNode two = verify(auditor, relinked);
        assertThat(two.get("valid").asBoolean()).as(two.toString()).isFalse();
        assertThat(two.get("firstInvalid").get("aggregateId").asText()).isEqualTo(relinked);
        assertThat(two.get("firstInvalid").get("sequence").asLong()).isEqualTo(1);
        assertThat(two.get("firstInvalid").get("reason").asText()).isEqualTo("seal");

        // 3. the case's last two events deleted
        List<Row> tail = rows(truncated);
        long last = tail.get(tail.size() - 1).sequence();
        try (Connection db = db(); PreparedStatement delete = db.prepareStatement(
                "delete from domain_event_entry where aggregate_identifier = ? and sequence_number >= ?")) {
            delete.setString(1, truncated);
            delete.setLong(2, last - 1);
            assertThat(delete.executeUpdate()).isEqualTo(2);
        }
        JsonNode three = verify(auditor, truncated);
        assertThat(three.get("valid").asBoolean()).as(three.toString()).isFalse();
        assertThat(three.get("missing").get("aggregateId").asText()).isEqualTo(truncated);
        assertThat(three.get("missing").get("fromSequence").asLong()).isEqualTo(last - 1);
        assertThat(three.get("missing").get("toSequence").asLong()).isEqualTo(last);

        JsonNode still = verify(auditor, untouched);
        assertThat(still.get("valid").asBoolean()).as(still.toString()).isTrue();
    }

    @Test
    void events_stored_before_seals_existed_verify_by_their_plain_links_and_are_counted_as_legacy() throws Exception {
        Api engineer = newUser("user");
        String caseId = closedCase(engineer, "DHCP clients get no address");
        List<String> aggregates = new ArrayList<>();
        for (JsonNode event : newUser("auditor").get("/api/v1/audit/cases/" + caseId + "/events").body().get("events")) {
            if (!aggregates.contains(event.get("aggregateId").asText())) aggregates.add(event.get("aggregateId").asText());
        }
        int total = 0;
        // as an older release stored them: links, no seals, no checkpoints
        for (String aggregate : aggregates) {
            for (Row row : rows(aggregate)) {
                ObjectNode meta = (ObjectNode) JSON.readTree(row.metaData());
                meta.remove("seal");
                write(row.globalIndex(), row.payload(), JSON.writeValueAsBytes(meta));
                total++;
            }
            try (Connection db = db(); PreparedStatement delete = db.prepareStatement("delete from chain_checkpoint where aggregate_id = ?")) {
                delete.setString(1, aggregate);
                delete.executeUpdate();
            }
        }
        Api auditor = newUser("auditor");
        JsonNode verdict = verify(auditor, caseId);
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("legacyEvents").asInt()).isEqualTo(total);
    }
}
