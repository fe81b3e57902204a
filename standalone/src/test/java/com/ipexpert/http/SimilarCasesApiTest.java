package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A case is shown the earlier cases like it that its reader may see, with their solutions, over HTTP. */
class SimilarCasesApiTest extends ApplicationTest {
    private static final String EXSTART = "华为NE40E OSPF邻居卡在ExStart，display interface 看到两端 MTU 分别是 1500 和 9000";

    /** Opens a case and waits for its first analysis; returns {caseId, analysisNode}. */
    private static String[] analysed(Api engineer, String query) {
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, query);
        CaseSteps.settled(engineer, opened.caseId(), opened.analysisNode());
        return new String[]{opened.caseId(), opened.analysisNode()};
    }

    private static List<String> ids(JsonNode similar) {
        List<String> ids = new ArrayList<>();
        similar.get("items").forEach(i -> ids.add(i.get("caseId").asText()));
        return ids;
    }

    @Test
    void a_new_case_is_shown_the_earlier_solved_case_with_its_solution_in_the_api_and_in_its_node() {
        Api engineer = newUser("user");
        String[] earlier = analysed(engineer, EXSTART);
        String feedbackId = CaseSteps.feedback(engineer, earlier[0], "solved", "两端 MTU 改成一致后邻居 Full", null);
        Api.Response approved = admin().post("/api/v1/feedback/" + feedbackId + "/review", Map.of("decision", "approve"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        // a read of the similar cases waits until their read model has the approval (read your writes)
        assertThat(engineer.get("/api/v1/cases/" + earlier[0] + "/similar").status()).isEqualTo(200);

        String[] now = analysed(engineer, "NE40E 上 OSPF 邻居停在 ExStart 状态，两端 MTU 不一样");

        Api.Response similar = engineer.get("/api/v1/cases/" + now[0] + "/similar");
        assertThat(similar.status()).as(similar.raw()).isEqualTo(200);
        assertThat(similar.body().get("caseId").asText()).isEqualTo(now[0]);
        JsonNode first = similar.body().get("items").get(0);
        assertThat(first.get("caseId").asText()).isEqualTo(earlier[0]);
        assertThat(first.get("solved").asBoolean()).isTrue();
        assertThat(first.get("approved").asBoolean()).isTrue();
        assertThat(first.get("status").asText()).isEqualTo("solved");
        assertThat(first.get("category").asText()).isEqualTo("OSPF");
        assertThat(first.get("score").asDouble()).isBetween(0.4, 1.0);
        assertThat(first.get("solution").get("answer").asText()).contains("MTU");
        assertThat(first.get("solution").get("commands")).isNotEmpty();
        assertThat(first.get("solution").get("nodeId").asText()).isNotBlank();
        assertThat(first.get("alike").toString()).contains("category OSPF");

        // the new case's analysis step shows it as evidence too
        JsonNode shown = engineer.get("/api/v1/cases/" + now[0] + "/nodes/" + now[1]).body().get("metadata").get("similarCases");
        assertThat(shown).isNotNull();
        assertThat(shown.get(0).get("caseId").asText()).isEqualTo(earlier[0]);
        assertThat(shown.get(0).get("approved").asBoolean()).isTrue();
        assertThat(shown.get(0).get("answer").asText()).contains("MTU");
        // and the earlier case, analysed before the later one existed, is shown nothing later than itself
        assertThat(ids(engineer.get("/api/v1/cases/" + earlier[0] + "/similar").body())).doesNotContain(now[0]);
    }

    @Test
    void only_cases_the_caller_may_read_are_shown_and_another_users_case_answers_404() {
        Api alice = newUser("user");
        Api bob = newUser("user");
        String[] bobs = analysed(bob, EXSTART);
        CaseSteps.feedback(bob, bobs[0], "solved", "ok", null);
        String[] alices = analysed(alice, EXSTART);

        assertThat(ids(alice.get("/api/v1/cases/" + alices[0] + "/similar").body())).doesNotContain(bobs[0]);
        assertThat(ids(admin().get("/api/v1/cases/" + alices[0] + "/similar?limit=20").body())).contains(bobs[0]);
        assertThat(ids(newUser("auditor").get("/api/v1/cases/" + alices[0] + "/similar?limit=20").body())).contains(bobs[0]);

        Api.Response notHers = bob.get("/api/v1/cases/" + alices[0] + "/similar");
        assertThat(notHers.status()).isEqualTo(404);
        assertThat(notHers.body().get("error").get("type").asText()).isEqualTo("NOT_FOUND");
        assertThat(alice.get("/api/v1/cases/no-such-case/similar").status()).isEqualTo(404);
        Api.Response badLimit = alice.get("/api/v1/cases/" + alices[0] + "/similar?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.body().get("error").get("type").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(anonymous().get("/api/v1/cases/" + alices[0] + "/similar").status()).isEqualTo(401);
    }

    @Test
    void the_similar_cases_rebuilt_by_replay_equal_the_ones_they_replaced() throws Exception {
        Api engineer = newUser("user");
        String[] earlier = analysed(engineer, EXSTART);
        CaseSteps.feedback(engineer, earlier[0], "solved", "ok", null);
        String[] now = analysed(engineer, "OSPF 邻居 ExStart，NE40E，两端 MTU 1500/9000");
        JsonNode before = engineer.get("/api/v1/cases/" + now[0] + "/similar").body();
        assertThat(ids(before)).contains(earlier[0]);

        Api.Response accepted = admin().post("/api/v1/admin/projections/similar-cases/rebuild", Map.of());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!String.valueOf(tokenType("similar-cases")).contains("ReplayToken")) {
            assertThat(System.nanoTime()).as("the projection was reset").isLessThan(deadline);
            CaseSteps.pause(50);
        }
        admin().await("/api/v1/admin/projections", r -> {
            for (JsonNode p : r.body()) {
                if (p.get("name").asText().equals("similar-cases")) return p.get("lag").asLong() == 0 && !p.get("replaying").asBoolean();
            }
            return false;
        }, java.time.Duration.ofSeconds(60));

        assertThat(engineer.get("/api/v1/cases/" + now[0] + "/similar").body()).isEqualTo(before);
    }

    /** The stored token of a processor; a reset leaves a replay token until a newer event arrives. */
    private static String tokenType(String processor) throws Exception {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(com.ipexpert.TestDatabase.url(),
                com.ipexpert.TestDatabase.user(), com.ipexpert.TestDatabase.password());
             java.sql.PreparedStatement q = db.prepareStatement("select token_type from token_entry where processor_name = ? order by segment")) {
            q.setString(1, processor);
            java.sql.ResultSet rs = q.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
