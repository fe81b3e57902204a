package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** After a solution the conversation goes on: a report on it, "unsolved" with a comment, a reopened case. */
class ContinueCaseApiTest extends ApplicationTest {
    private static final String DETAILS = "设备是华为NE40E，两端接口MTU分别为1500和9000，display ospf peer 显示一直是ExStart，已经检查过area和认证配置";

    private static JsonNode node(JsonNode graph, String id) {
        for (JsonNode n : graph.get("nodes")) if (n.get("id").asText().equals(id)) return n;
        throw new AssertionError("no node " + id + " in " + graph);
    }

    /** Opens a case and answers its clarification until a solution stands; returns {caseId, clarification, solution}. */
    private static String[] solvedOnce(Api engineer) {
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "OSPF邻居状态卡在ExStart");
        Api.Response first = CaseSteps.settled(engineer, opened.caseId(), opened.analysisNode());
        assertThat(first.body().get("type").asText()).isEqualTo("AI_CLARIFICATION");
        String second = CaseSteps.answer(engineer, opened.caseId(), opened.analysisNode(), DETAILS);
        Api.Response solution = CaseSteps.settled(engineer, opened.caseId(), second);
        assertThat(solution.body().get("type").asText()).isEqualTo("SOLUTION");
        return new String[]{opened.caseId(), opened.analysisNode(), second};
    }

    @Test
    void a_report_on_the_solution_starts_a_new_step_and_the_answered_clarification_is_completed() {
        Api engineer = newUser("user");
        String[] c = solvedOnce(engineer);

        JsonNode graph = engineer.get("/api/v1/cases/" + c[0]).body();
        assertThat(node(graph, c[1]).get("status").asText()).isEqualTo("COMPLETED");

        Api.Response report = engineer.post("/api/v1/cases/" + c[0] + "/interactions",
                Map.of("parentNodeId", c[2], "response", "MTU已经统一为1500，邻居仍然卡在ExStart"));
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        String third = report.body().get("processingNodeId").asText();
        assertThat(engineer.get("/api/v1/cases/" + c[0] + "/nodes/" + third).body().get("status").asText())
                .isIn("PROCESSING", "AWAITING_USER_INPUT", "COMPLETED");
        assertThat(engineer.get("/api/v1/cases/" + c[0]).body().get("edges").findValuesAsText("source")).contains(c[2]);
    }

    @Test
    void unsolved_feedback_with_a_comment_goes_on_and_a_solved_case_is_reopened_by_its_owner() {
        Api engineer = newUser("user");
        String[] c = solvedOnce(engineer);

        Map<String, Object> unsolved = new HashMap<>();
        unsolved.put("outcome", "unsolved");
        unsolved.put("comment", "按方案修改后邻居仍然是ExStart");
        Api.Response given = engineer.post("/api/v1/cases/" + c[0] + "/feedback", unsolved);
        assertThat(given.status()).as(given.raw()).isEqualTo(200);
        String next = given.body().get("processingNodeId").asText();
        CaseSteps.settled(engineer, c[0], next);

        CaseSteps.feedback(engineer, c[0], "solved", "好了", null);
        assertThat(engineer.get("/api/v1/cases/" + c[0]).body().get("status").asText()).isEqualTo("solved");
        Api.Response other = newUser("user").post("/api/v1/cases/" + c[0] + "/reopen", Map.of());
        assertThat(other.status()).isEqualTo(404);

        Api.Response reopened = engineer.post("/api/v1/cases/" + c[0] + "/reopen", Map.of());
        assertThat(reopened.status()).as(reopened.raw()).isEqualTo(200);
        assertThat(engineer.get("/api/v1/cases/" + c[0]).body().get("status").asText()).isEqualTo("open");
        assertThat(engineer.post("/api/v1/cases/" + c[0] + "/reopen", Map.of()).status()).isEqualTo(409);
    }
}
