package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.ipexpert.http.CaseSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Auditors read every case's stored history, see a case as it stood at any moment, and can tell if it was changed. */
class AuditApiTest extends ApplicationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A case that asked one clarification and got its solution; {@code between} lies between the two analyses. */
    private record SolvedCase(String caseId, OpenedCase opened, String responseNode, String solutionNode, Instant between,
                              String owner) {
    }

    private SolvedCase clarifiedAndSolved(Api engineer) {
        OpenedCase opened = open(engineer, "OSPF邻居状态卡在ExStart");
        settled(engineer, opened.caseId(), opened.analysisNode());
        engineer.await("/api/v1/cases/" + opened.caseId(), r -> r.body().get("category").isTextual(), ANALYSIS);
        pause(50);
        Instant between = Instant.now();
        pause(50);
        String solution = answer(engineer, opened.caseId(), opened.analysisNode(),
                "设备是华为NE40E，两端接口MTU分别为1500和9000，display ospf peer 显示一直是ExStart");
        settled(engineer, opened.caseId(), solution);
        JsonNode graph = engineer.get("/api/v1/cases/" + opened.caseId()).body();
        String responseNode = graph.get("nodes").get(2).get("id").asText();
        return new SolvedCase(opened.caseId(), opened, responseNode, solution, between, userId(engineer));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    @Test
    void secrets_pasted_into_a_question_and_an_answer_never_reach_the_event_store() {
        Api engineer = newUser("user");
        OpenedCase opened = open(engineer, "OSPF邻居状态卡在ExStart");
        settled(engineer, opened.caseId(), opened.analysisNode());
        String solution = answer(engineer, opened.caseId(), opened.analysisNode(),
                "Cisco ISR4451, config restored from backup:\nenable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il\n"
                        + "snmp-server community N0c-R3adOnly RO\ninterface Gi0/0/1\n ip ospf message-digest-key 1 md5 7 104D000A0618\n"
                        + "peer side is Huawei: ospf authentication-mode md5 1 cipher %^%#Wq^aCF$TA4Z7v%^%#");
        JsonNode node = settled(engineer, opened.caseId(), solution).body();
        Api auditor = newUser("auditor");

        String events = auditor.get("/api/v1/audit/cases/" + opened.caseId() + "/events").raw();

        assertThat(events).doesNotContain("nhEmQVczB7dqsO", "N0c-R3adOnly", "104D000A0618", "Wq^aCF")
                .contains("<masked:cisco-secret-9>", "<masked:huawei-cipher>");
        assertThat(node.at("/metadata/trace/maskedSecrets").toString()).contains("cisco-secret-9", "huawei-cipher", "snmp-community");
    }

    @Test
    void an_auditor_reads_every_event_of_a_case_and_its_nodes_in_the_order_they_happened() {
        Api engineer = newUser("user");
        SolvedCase solved = clarifiedAndSolved(engineer);
        Api auditor = newUser("auditor");

        Api.Response history = auditor.get("/api/v1/audit/cases/" + solved.caseId() + "/events");
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        assertThat(history.body().get("caseId").asText()).isEqualTo(solved.caseId());
        List<JsonNode> events = list(history.body().get("events"));
        // a case creates its nodes while it is being opened, so their first events are stored just before its own
        JsonNode first = events.stream().filter(e -> e.get("type").asText().equals("CaseOpened")).findFirst().orElseThrow();
        assertThat(events.indexOf(first)).isLessThan(4);
        assertThat(first.get("aggregateType").asText()).isEqualTo("Case");
        assertThat(first.get("aggregateId").asText()).isEqualTo(solved.caseId());
        assertThat(first.get("aggregateSequence").asLong()).isZero();
        assertThat(first.get("actor").asText()).isEqualTo(solved.owner());
        assertThat(first.get("correlationId").asText()).isNotBlank();
        assertThat(first.get("payload").get("query").asText()).isEqualTo("OSPF邻居状态卡在ExStart");
        assertThat(Instant.parse(first.get("occurredAt").asText())).isBefore(solved.between());

        List<Long> sequences = events.stream().map(e -> e.get("sequence").asLong()).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        Set<String> aggregates = new HashSet<>();
        events.forEach(e -> aggregates.add(e.get("aggregateId").asText()));
        assertThat(aggregates).containsExactlyInAnyOrder(solved.caseId(), solved.opened().queryNode(),
                solved.opened().analysisNode(), solved.responseNode(), solved.solutionNode());
        List<String> types = events.stream().map(e -> e.get("type").asText()).toList();
        assertThat(types).contains("NodeCreated", "AnalysisAttemptStarted", "AnalysisConcluded",
                "AnalysisOutcomeRecorded", "ClarificationAnswered");
        assertThat(types.indexOf("ClarificationAnswered")).isGreaterThan(types.indexOf("AnalysisOutcomeRecorded"));
        // what the agent does is the agent's, what the engineer does is theirs, and every event has its request id
        events.stream().filter(e -> e.get("type").asText().equals("AnalysisConcluded"))
                .forEach(e -> assertThat(e.get("actor").asText()).isEqualTo("agent"));
        events.stream().filter(e -> e.get("type").asText().equals("ClarificationAnswered"))
                .forEach(e -> assertThat(e.get("actor").asText()).isEqualTo(solved.owner()));
        events.forEach(e -> assertThat(e.get("correlationId").isTextual()).as(e.toString()).isTrue());
    }

    @Test
    void the_case_is_shown_as_it_stood_between_two_interactions() {
        Api engineer = newUser("user");
        SolvedCase solved = clarifiedAndSolved(engineer);
        Api auditor = newUser("auditor");

        Api.Response then = auditor.get("/api/v1/audit/cases/" + solved.caseId() + "?at=" + solved.between());
        assertThat(then.status()).as(then.raw()).isEqualTo(200);
        List<JsonNode> nodes = list(then.body().get("nodes"));
        assertThat(nodes).hasSize(2);
        assertThat(nodes.get(1).get("type").asText()).isEqualTo("AI_CLARIFICATION");
        assertThat(nodes.get(1).get("status").asText()).isEqualTo("AWAITING_USER_INPUT");
        assertThat(nodes.get(1).get("title").asText()).isEqualTo("需要更多信息");
        assertThat(then.body().get("edges")).hasSize(1);
        assertThat(then.body().get("status").asText()).isEqualTo("open");
        assertThat(then.body().get("category").asText()).isEqualTo("OSPF");

        Api.Response now = auditor.get("/api/v1/audit/cases/" + solved.caseId() + "?at=2999-01-01T00:00:00Z");
        Api.Response live = auditor.get("/api/v1/cases/" + solved.caseId());
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.body()).isEqualTo(live.body());
        assertThat(auditor.get("/api/v1/audit/cases/" + solved.caseId()).body()).isEqualTo(live.body());
    }

    @Test
    void before_a_case_existed_and_for_an_unknown_case_the_answer_is_404() {
        Api engineer = newUser("user");
        OpenedCase opened = open(engineer, "BGP session flaps every 3 minutes");
        Api auditor = newUser("auditor");

        Api.Response before = auditor.get("/api/v1/audit/cases/" + opened.caseId() + "?at=2020-01-01T00:00:00Z");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.errorType()).isEqualTo("NOT_FOUND");
        assertThat(before.body().get("error").get("message").asText()).contains("did not exist yet");
        assertThat(before.body().get("code").asInt()).isEqualTo(404);
        assertThat(before.body().get("status").asText()).isEqualTo("error");

        for (String path : List.of("", "/events", "/export", "/verify")) {
            Api.Response unknown = auditor.get("/api/v1/audit/cases/no-such-case" + path);
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(unknown.errorType()).isEqualTo("NOT_FOUND");
        }
        Api.Response badTime = auditor.get("/api/v1/audit/cases/" + opened.caseId() + "?at=yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.errorType()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void the_export_streams_one_event_a_line_with_the_fields_of_the_event_list() throws Exception {
        Api engineer = newUser("user");
        SolvedCase solved = clarifiedAndSolved(engineer);
        Api auditor = newUser("auditor");
        JsonNode events = auditor.get("/api/v1/audit/cases/" + solved.caseId() + "/events").body().get("events");

        HttpResponse<String> export = auditor.client().send(
                auditor.request("/api/v1/audit/cases/" + solved.caseId() + "/export").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize(events.size());
        for (int i = 0; i < lines.length; i++) {
            assertThat(JSON.readTree(lines[i])).isEqualTo(events.get(i));
        }
    }

    @Test
    void a_payload_changed_in_the_database_is_named_by_the_verification() throws Exception {
        Api engineer = newUser("user");
        SolvedCase solved = clarifiedAndSolved(engineer);
        Api auditor = newUser("auditor");
        String verifyPath = "/api/v1/audit/cases/" + solved.caseId() + "/verify";
        int eventCount = auditor.get("/api/v1/audit/cases/" + solved.caseId() + "/events").body().get("events").size();

        Api.Response intact = auditor.get(verifyPath);
        assertThat(intact.status()).as(intact.raw()).isEqualTo(200);
        assertThat(intact.body().get("valid").asBoolean()).isTrue();
        assertThat(intact.body().get("events").asInt()).isEqualTo(eventCount);
        assertThat(intact.body().has("firstInvalid")).isFalse();

        // someone with database access rewrites the solution the agent gave
        int changed;
        try (Connection db = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
             PreparedStatement update = db.prepareStatement("""
                     update domain_event_entry
                        set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'OSPF', 'RIP'), 'UTF8')
                      where aggregate_identifier = ? and payload_type like '%AnalysisConcluded'""")) {
            update.setString(1, solved.solutionNode());
            changed = update.executeUpdate();
        }
        assertThat(changed).isEqualTo(1);
        long tamperedSequence;
        try (Connection db = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
             PreparedStatement find = db.prepareStatement("""
                     select sequence_number from domain_event_entry
                      where aggregate_identifier = ? and payload_type like '%AnalysisConcluded'""")) {
            find.setString(1, solved.solutionNode());
            var rs = find.executeQuery();
            rs.next();
            tamperedSequence = rs.getLong(1);
        }

        Api.Response verdict = auditor.get(verifyPath);
        assertThat(verdict.status()).isEqualTo(200);
        assertThat(verdict.body().get("valid").asBoolean()).isFalse();
        assertThat(verdict.body().get("events").asInt()).isEqualTo(eventCount);
        assertThat(verdict.body().get("firstInvalid").get("aggregateId").asText()).isEqualTo(solved.solutionNode());
        assertThat(verdict.body().get("firstInvalid").get("sequence").asLong()).isEqualTo(tamperedSequence);
    }

    @Test
    void auditors_and_admins_list_every_users_cases() {
        Api engineer = newUser("user");
        OpenedCase opened = open(engineer, "VRRP主备切换频繁");
        String owner = userId(engineer);
        for (Api reader : List.of(newUser("auditor"), admin())) {
            Api.Response page = reader.get("/api/v1/audit/cases?user=" + owner + "&page=1&pageSize=5");
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            assertThat(page.body().get("total").asLong()).isEqualTo(1);
            assertThat(page.body().get("page").asInt()).isEqualTo(1);
            assertThat(page.body().get("pageSize").asInt()).isEqualTo(5);
            JsonNode item = page.body().get("items").get(0);
            assertThat(item.get("caseId").asText()).isEqualTo(opened.caseId());
            assertThat(item.get("owner").asText()).isEqualTo(owner);
            assertThat(item.get("status").asText()).isEqualTo("open");
            assertThat(item.get("title").asText()).isEqualTo("VRRP主备切换频繁");
            assertThat(item.get("createdAt").asText()).endsWith("Z");
            assertThat(item.get("updatedAt").asText()).endsWith("Z");
        }
        Api auditor = newUser("auditor");
        assertThat(auditor.get("/api/v1/audit/cases?user=" + owner + "&from=2999-01-01T00:00:00Z").body().get("total").asLong()).isZero();
        assertThat(auditor.get("/api/v1/audit/cases?pageSize=1000").status()).isEqualTo(400);
        assertThat(auditor.get("/api/v1/audit/cases?from=soon").status()).isEqualTo(400);
    }

    @Test
    void only_auditors_and_admins_read_the_audit_trail_and_auditors_change_nothing() {
        Api engineer = newUser("user");
        OpenedCase opened = open(engineer, "ACL不生效，NAT转换失败");
        String base = "/api/v1/audit/cases/" + opened.caseId();
        for (Api outsider : List.of(newUser("user"), newUser("analyst"))) {
            for (String path : List.of("/api/v1/audit/cases", base, base + "/events", base + "/export", base + "/verify")) {
                Api.Response refused = outsider.get(path);
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.errorType()).isEqualTo("FORBIDDEN");
            }
        }
        assertThat(engineer.get(base + "/events").status()).isEqualTo(403);
        assertThat(anonymous().get(base + "/events").status()).isEqualTo(401);
        Api admin = admin();
        assertThat(admin.get(base + "/events").status()).isEqualTo(200);
        assertThat(admin.get(base + "/verify").status()).isEqualTo(200);

        Api auditor = newUser("auditor");
        assertThat(auditor.get("/api/v1/cases/" + opened.caseId()).status()).isEqualTo(200);
        Api.Response opening = auditor.post("/api/v1/cases", Map.of("query", "审计员不能开案例", "attachments", List.of()));
        assertThat(opening.status()).isEqualTo(403);
        assertThat(opening.errorType()).isEqualTo("FORBIDDEN");
        assertThat(auditor.post("/api/v1/cases/" + opened.caseId() + "/interactions",
                Map.of("parentNodeId", opened.analysisNode(), "response", "x")).status()).isEqualTo(403);
        assertThat(auditor.post("/api/v1/cases/" + opened.caseId() + "/feedback", Map.of("outcome", "solved")).status()).isEqualTo(403);
        assertThat(auditor.post("/api/v1/cases/" + opened.caseId() + "/close", Map.of()).status()).isEqualTo(403);
        assertThat(auditor.post("/api/v1/cases/" + opened.caseId() + "/nodes/" + opened.analysisNode() + "/retry", Map.of()).status()).isEqualTo(403);
        assertThat(auditor.post("/api/v1/users", Map.of("username", "x", "password", "password-123", "roles", List.of("user"))).status()).isEqualTo(403);
    }
}
