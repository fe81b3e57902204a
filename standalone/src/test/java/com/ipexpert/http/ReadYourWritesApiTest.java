package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client reads what it has just written, at once, with no retry of its own: the case it was given, its nodes, its
 * list, its stream, the nodes an answer added, a status a feedback or a close set.
 */
class ReadYourWritesApiTest extends ApplicationTest {

    private static List<String> ids(JsonNode nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    /** The stream shows the node waiting for the engineer: in its first graph, or in a later node event. */
    private static boolean awaits(EventStream.Event event, String node) {
        List<JsonNode> nodes = new ArrayList<>();
        if (event.name().equals("graph")) event.data().get("nodes").forEach(nodes::add);
        if (event.name().equals("node")) nodes.add(event.data().get("node"));
        return nodes.stream().anyMatch(n -> n.get("id").asText().equals(node)
                && "AWAITING_USER_INPUT".equals(n.get("status").asText()));
    }

    @Test
    void a_case_and_its_nodes_read_at_once_after_it_was_opened() {
        Api engineer = newUser("user");
        for (int i = 0; i < 15; i++) {
            CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "BGP session flaps every 3 minutes #" + i);

            Api.Response graph = engineer.get("/api/v1/cases/" + opened.caseId());
            assertThat(graph.status()).as(graph.raw()).isEqualTo(200);
            assertThat(ids(graph.body().get("nodes"))).contains(opened.queryNode(), opened.analysisNode());
            Api.Response query = engineer.get("/api/v1/cases/" + opened.caseId() + "/nodes/" + opened.queryNode());
            assertThat(query.status()).as(query.raw()).isEqualTo(200);
            Api.Response analysis = engineer.get("/api/v1/cases/" + opened.caseId() + "/nodes/" + opened.analysisNode());
            assertThat(analysis.status()).as(analysis.raw()).isEqualTo(200);
            Api.Response list = engineer.get("/api/v1/cases");
            assertThat(list.body().findValuesAsText("caseId")).contains(opened.caseId());
        }
    }

    @Test
    void a_stream_opened_the_moment_a_case_was_acknowledged_starts_with_its_graph() throws Exception {
        Api engineer = newUser("user");
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "OSPF邻居状态卡在ExStart");
        try (EventStream stream = EventStream.open(engineer, "/api/v1/cases/" + opened.caseId() + "/stream")) {
            EventStream.Event first = stream.await(e -> true, Duration.ofSeconds(5));
            assertThat(first.name()).isEqualTo("graph");
            assertThat(first.data().get("caseId").asText()).isEqualTo(opened.caseId());
        }
    }

    @Test
    void a_clarification_is_answered_the_moment_the_stream_shows_it_and_the_answer_reads_at_once() throws Exception {
        Api engineer = newUser("user");
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "OSPF邻居状态卡在ExStart");
        String responseNode;
        String nextAnalysis;
        try (EventStream stream = EventStream.open(engineer, "/api/v1/cases/" + opened.caseId() + "/stream")) {
            stream.await(e -> awaits(e, opened.analysisNode()), CaseSteps.ANALYSIS);
            Api.Response answered = engineer.post("/api/v1/cases/" + opened.caseId() + "/interactions",
                    Map.of("parentNodeId", opened.analysisNode(), "response", "华为NE40E，两端MTU 1500和9000"));
            assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
            responseNode = answered.body().get("newNodes").get(0).get("id").asText();
            nextAnalysis = answered.body().get("processingNodeId").asText();
        }

        Api.Response graph = engineer.get("/api/v1/cases/" + opened.caseId());
        assertThat(ids(graph.body().get("nodes"))).contains(responseNode, nextAnalysis);
        assertThat(graph.body().get("edges").findValuesAsText("target")).contains(responseNode, nextAnalysis);
        assertThat(engineer.get("/api/v1/cases/" + opened.caseId() + "/nodes/" + nextAnalysis).status()).isEqualTo(200);
    }

    @Test
    void feedback_and_closing_show_in_the_next_read() {
        Api engineer = newUser("user");
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "OSPF邻居状态卡在ExStart");

        CaseSteps.feedback(engineer, opened.caseId(), "solved", "works", null);
        assertThat(engineer.get("/api/v1/cases/" + opened.caseId()).body().get("status").asText()).isEqualTo("solved");
        assertThat(engineer.get("/api/v1/cases?status=solved").body().findValuesAsText("caseId")).contains(opened.caseId());

        assertThat(engineer.post("/api/v1/cases/" + opened.caseId() + "/close", Map.of()).status()).isEqualTo(200);
        assertThat(engineer.get("/api/v1/cases/" + opened.caseId()).body().get("status").asText()).isEqualTo("closed");
    }

    @Test
    void feedback_given_a_moment_ago_is_listed_for_review_and_can_be_reviewed_at_once() {
        Api engineer = newUser("user");
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "OSPF邻居状态卡在ExStart");
        String feedbackId = CaseSteps.feedback(engineer, opened.caseId(), "unsolved", "still down", null);

        Api admin = admin();
        assertThat(admin.get("/api/v1/feedback?review_status=pending&pageSize=100").body().findValuesAsText("feedbackId"))
                .contains(feedbackId);
        Api.Response reviewed = admin.post("/api/v1/feedback/" + feedbackId + "/review", Map.of("decision", "reject"));
        assertThat(reviewed.status()).as(reviewed.raw()).isEqualTo(200);
    }
}
