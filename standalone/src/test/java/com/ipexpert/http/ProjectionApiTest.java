package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.ipexpert.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.ipexpert.http.CaseSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Administrators see how far each projection has read, and rebuild one by replay into the same read model. */
class ProjectionApiTest extends ApplicationTest {
    private static final Duration REPLAY = Duration.ofSeconds(60);

    private static JsonNode processor(Api.Response list, String name) {
        for (JsonNode p : list.body()) {
            if (p.get("name").asText().equals(name)) return p;
        }
        return null;
    }

    private static boolean caughtUp(Api.Response list, String... names) {
        if (list.status() != 200) return false;
        for (String name : names) {
            JsonNode p = processor(list, name);
            if (p == null || p.get("lag").asLong() != 0 || p.get("replaying").asBoolean()) return false;
        }
        return true;
    }

    /** The stored token of a processor; a reset leaves a replay token until a newer event arrives. */
    private static String tokenType(String processor) throws Exception {
        try (Connection db = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
             PreparedStatement q = db.prepareStatement("select token_type from token_entry where processor_name = ? order by segment")) {
            q.setString(1, processor);
            ResultSet rs = q.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void an_administrator_sees_every_processor_and_how_far_it_has_read() {
        Api.Response list = admin().get("/api/v1/admin/projections");
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        for (String name : List.of("case-graph", "statistics", "feedback-review", "agent-saga")) {
            JsonNode p = processor(list, name);
            assertThat(p).as(name).isNotNull();
            assertThat(p.get("processingGroup").asText()).isEqualTo(name);
            assertThat(p.get("position").isNumber()).isTrue();
            assertThat(p.get("lag").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(p.get("replaying").isBoolean()).isTrue();
        }
        Api.Response unknown = admin().post("/api/v1/admin/projections/no-such-projection/rebuild", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorType()).isEqualTo("NOT_FOUND");
        Api.Response saga = admin().post("/api/v1/admin/projections/agent-saga/rebuild", Map.of());
        assertThat(saga.status()).isEqualTo(409);
        assertThat(saga.errorType()).isEqualTo("CONFLICT");
        for (String role : List.of("user", "analyst", "auditor")) {
            Api other = newUser(role);
            assertThat(other.get("/api/v1/admin/projections").status()).as(role).isEqualTo(403);
            Api.Response rebuild = other.post("/api/v1/admin/projections/statistics/rebuild", Map.of());
            assertThat(rebuild.status()).as(role).isEqualTo(403);
            assertThat(rebuild.errorType()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void a_rebuilt_projection_equals_the_one_it_replaced() throws Exception {
        Api engineer = newUser("user");
        Api analyst = newUser("analyst");
        Api admin = admin();
        OpenedCase opened = open(engineer, "OSPF邻居状态卡在ExStart");
        settled(engineer, opened.caseId(), opened.analysisNode());
        String solution = answer(engineer, opened.caseId(), opened.analysisNode(), "华为NE40E，两端MTU分别为1500和9000，已检查认证");
        settled(engineer, opened.caseId(), solution);
        feedback(engineer, opened.caseId(), "solved", "好了", null);
        engineer.await("/api/v1/cases/" + opened.caseId(), r -> "solved".equals(r.body().get("status").asText()), ANALYSIS);
        admin.await("/api/v1/admin/projections", r -> caughtUp(r, "case-graph", "statistics", "feedback-review"), REPLAY);
        JsonNode statsBefore = analyst.get("/api/v1/statistics?timeRange=90d").body();
        JsonNode casesBefore = analyst.get("/api/v1/statistics/cases?pageSize=100").body();
        JsonNode graphBefore = engineer.get("/api/v1/cases/" + opened.caseId()).body();
        JsonNode listBefore = engineer.get("/api/v1/cases").body();

        for (String name : List.of("statistics", "case-graph")) {
            Api.Response accepted = admin.post("/api/v1/admin/projections/" + name + "/rebuild", Map.of());
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        }
        long deadline = System.nanoTime() + REPLAY.toNanos();
        while (!(tokenType("statistics") + "" + tokenType("case-graph")).matches(".*ReplayToken.*ReplayToken.*")) {
            assertThat(System.nanoTime()).as("both projections were reset").isLessThan(deadline);
            pause(50);
        }
        admin.await("/api/v1/admin/projections", r -> caughtUp(r, "statistics", "case-graph"), REPLAY);

        assertThat(analyst.get("/api/v1/statistics?timeRange=90d").body()).isEqualTo(statsBefore);
        assertThat(analyst.get("/api/v1/statistics/cases?pageSize=100").body()).isEqualTo(casesBefore);
        assertThat(engineer.get("/api/v1/cases/" + opened.caseId()).body()).isEqualTo(graphBefore);
        assertThat(engineer.get("/api/v1/cases").body()).isEqualTo(listBefore);
    }
}
