package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagnosis workflow over HTTP: open, clarify, answer, solve, feedback, close, and every refusal on the way. */
class CaseApiTest extends ApplicationTest {
    private static final Duration ANALYSIS = Duration.ofSeconds(20);

    private static boolean settled(Api.Response node) {
        return node.status() == 200 && !"PROCESSING".equals(node.body().get("status").asText());
    }

    @Test
    void an_engineer_is_asked_for_more_answers_gets_a_solution_and_gives_feedback() {
        Api engineer = newUser("user");
        Api.Response opened = engineer.post("/api/v1/cases", Map.of("query", "OSPF邻居状态卡在ExStart", "attachments", List.of()));
        assertThat(opened.status()).isEqualTo(200);
        String caseId = opened.body().get("caseId").asText();
        assertThat(opened.body().get("title").asText()).isEqualTo("OSPF邻居状态卡在ExStart");
        JsonNode nodes = opened.body().get("nodes");
        assertThat(nodes).hasSize(2);
        assertThat(nodes.get(0).get("type").asText()).isEqualTo("USER_QUERY");
        assertThat(nodes.get(0).get("title").asText()).isEqualTo("用户问题");
        assertThat(nodes.get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(nodes.get(0).get("content").get("text").asText()).isEqualTo("OSPF邻居状态卡在ExStart");
        assertThat(nodes.get(1).get("type").asText()).isEqualTo("AI_ANALYSIS");
        assertThat(nodes.get(1).get("title").asText()).isEqualTo("AI分析中...");
        assertThat(nodes.get(1).get("status").asText()).isEqualTo("PROCESSING");
        String queryNode = nodes.get(0).get("id").asText();
        String analysisNode = nodes.get(1).get("id").asText();
        assertThat(opened.body().get("edges").get(0).get("source").asText()).isEqualTo(queryNode);
        assertThat(opened.body().get("edges").get(0).get("target").asText()).isEqualTo(analysisNode);

        Api.Response clarification = engineer.await("/api/v1/cases/" + caseId + "/nodes/" + analysisNode,
                CaseApiTest::settled, ANALYSIS);
        assertThat(clarification.body().get("type").asText()).isEqualTo("AI_CLARIFICATION");
        assertThat(clarification.body().get("status").asText()).isEqualTo("AWAITING_USER_INPUT");
        assertThat(clarification.body().get("title").asText()).isEqualTo("需要更多信息");
        assertThat(clarification.body().get("content").get("analysis").asText()).isNotBlank();
        assertThat(clarification.body().get("content").get("suggestedQuestions")).isNotEmpty();
        assertThat(clarification.body().get("metadata").get("category").asText()).isEqualTo("OSPF");
        assertThat(clarification.body().get("metadata").get("analyst").asText()).isEqualTo("offline");

        Api.Response interaction = engineer.post("/api/v1/cases/" + caseId + "/interactions", Map.of(
                "parentNodeId", analysisNode,
                "response", "设备是华为NE40E，两端接口MTU分别为1500和9000，display ospf peer 显示一直是ExStart，已经检查过area和认证配置",
                "retrievalWeight", 0.5, "filterTags", List.of("ospf", " ", "ospf")));
        assertThat(interaction.status()).isEqualTo(200);
        JsonNode newNodes = interaction.body().get("newNodes");
        assertThat(newNodes.get(0).get("type").asText()).isEqualTo("USER_RESPONSE");
        assertThat(newNodes.get(0).get("title").asText()).isEqualTo("用户补充信息");
        assertThat(newNodes.get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(newNodes.get(1).get("type").asText()).isEqualTo("AI_ANALYSIS");
        String responseNode = newNodes.get(0).get("id").asText();
        String secondAnalysis = interaction.body().get("processingNodeId").asText();
        assertThat(secondAnalysis).isEqualTo(newNodes.get(1).get("id").asText());
        assertThat(interaction.body().get("newEdges").get(0).get("source").asText()).isEqualTo(analysisNode);
        assertThat(interaction.body().get("newEdges").get(0).get("target").asText()).isEqualTo(responseNode);
        assertThat(interaction.body().get("newEdges").get(1).get("source").asText()).isEqualTo(responseNode);

        Api.Response solution = engineer.await("/api/v1/cases/" + caseId + "/nodes/" + secondAnalysis,
                CaseApiTest::settled, ANALYSIS);
        assertThat(solution.body().get("type").asText()).isEqualTo("SOLUTION");
        assertThat(solution.body().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(solution.body().get("title").asText()).isEqualTo("解决方案");
        assertThat(solution.body().get("content").get("answer").asText()).isNotBlank();
        assertThat(solution.body().get("content").get("sources").isArray()).isTrue();
        assertThat(solution.body().get("content").get("commands")).isNotEmpty();
        assertThat(solution.body().get("content").get("commands").get(0).asText()).startsWith("display");
        assertThat(solution.body().get("metadata").get("retrieval").get("weight").asDouble()).isEqualTo(0.5);
        assertThat(solution.body().get("metadata").get("retrieval").get("filterTags")).hasSize(1);

        Api.Response graph = engineer.get("/api/v1/cases/" + caseId);
        assertThat(graph.status()).isEqualTo(200);
        assertThat(graph.body().get("status").asText()).isEqualTo("open");
        assertThat(graph.body().get("nodes")).hasSize(4);
        assertThat(graph.body().get("edges")).hasSize(3);
        assertThat(graph.body().get("createdAt").asText()).endsWith("Z");

        engineer.await("/api/v1/cases?category=OSPF&vendor=huawei",
                r -> r.body().findValuesAsText("caseId").contains(caseId), ANALYSIS);
        assertThat(engineer.get("/api/v1/cases?category=BGP").body()).isEmpty();

        Api.Response feedback = engineer.post("/api/v1/cases/" + caseId + "/feedback",
                Map.of("outcome", "solved", "comment", "MTU 改为一致后恢复", "corrected_solution", "ospf mtu-enable"));
        assertThat(feedback.status()).isEqualTo(200);
        assertThat(feedback.body().get("status").asText()).isEqualTo("success");
        assertThat(feedback.body().get("message").asText()).isNotBlank();
        engineer.await("/api/v1/cases/" + caseId, r -> "solved".equals(r.body().get("status").asText()), ANALYSIS);
        assertThat(engineer.get("/api/v1/cases?status=solved").body())
                .extracting(n -> n.get("caseId").asText()).contains(caseId);
        assertThat(engineer.get("/api/v1/cases?status=open").body())
                .extracting(n -> n.get("caseId").asText()).doesNotContain(caseId);
    }

    @Test
    void an_empty_question_is_a_400_in_the_error_shape() {
        Api.Response response = newUser("user").post("/api/v1/cases", Map.of("query", "  ", "attachments", List.of()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("code").asInt()).isEqualTo(400);
        assertThat(response.body().get("status").asText()).isEqualTo("error");
        assertThat(response.errorType()).isEqualTo("INVALID_REQUEST");
        assertThat(response.body().get("error").get("message").asText()).isEqualTo("问题描述不能为空");
    }

    @Test
    void malformed_json_a_wrong_method_and_a_missing_token_answer_in_the_error_shape() {
        Api engineer = newUser("user");
        Api.Response malformed = engineer.postRaw("/api/v1/cases", "{\"query\": ", "application/json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorType()).isEqualTo("INVALID_REQUEST");
        Api.Response wrongMethod = engineer.method("DELETE", "/api/v1/cases");
        assertThat(wrongMethod.body().get("status").asText()).isEqualTo("error");
        assertThat(wrongMethod.status()).isIn(404, 405);
        Api.Response noToken = anonymous().get("/api/v1/cases");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.errorType()).isEqualTo("UNAUTHORIZED");
        Api.Response badToken = anonymous().withToken("not-a-token").get("/api/v1/cases");
        assertThat(badToken.status()).isEqualTo(401);
        Api.Response badStatus = engineer.get("/api/v1/cases?status=nonsense");
        assertThat(badStatus.status()).isEqualTo(400);
        Api.Response badWeight = engineer.post("/api/v1/cases/x/interactions",
                Map.of("parentNodeId", "n", "response", "r", "retrievalWeight", 2));
        assertThat(badWeight.status()).isEqualTo(400);
        assertThat(badWeight.body().get("error").get("message").asText()).contains("retrievalWeight");
    }

    @Test
    void another_users_case_answers_404_everywhere() {
        Api owner = newUser("user");
        Api stranger = newUser("user");
        Api.Response opened = owner.post("/api/v1/cases", Map.of("query", "BGP session flaps every 3 minutes", "attachments", List.of()));
        String caseId = opened.body().get("caseId").asText();
        String analysisNode = opened.body().get("nodes").get(1).get("id").asText();
        owner.await("/api/v1/cases/" + caseId, r -> r.status() == 200, ANALYSIS);

        assertThat(stranger.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/cases/" + caseId).errorType()).isEqualTo("NOT_FOUND");
        assertThat(stranger.get("/api/v1/cases/" + caseId + "/nodes/" + analysisNode).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/cases/" + caseId + "/interactions",
                Map.of("parentNodeId", analysisNode, "response", "hi")).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/cases/" + caseId + "/feedback", Map.of("outcome", "solved")).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/cases/" + caseId + "/close", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/cases").body()).extracting(n -> n.get("caseId").asText()).doesNotContain(caseId);
        assertThat(owner.get("/api/v1/cases/unknown-case").status()).isEqualTo(404);
        assertThat(owner.post("/api/v1/cases/unknown-case/feedback", Map.of("outcome", "solved")).status()).isEqualTo(404);
    }

    @Test
    void an_answer_to_a_node_not_awaiting_input_is_a_409_and_a_closed_case_takes_none() {
        Api engineer = newUser("user");
        Api.Response opened = engineer.post("/api/v1/cases", Map.of("query", "OSPF邻居状态卡在ExStart", "attachments", List.of()));
        String caseId = opened.body().get("caseId").asText();
        String queryNode = opened.body().get("nodes").get(0).get("id").asText();
        String analysisNode = opened.body().get("nodes").get(1).get("id").asText();
        engineer.await("/api/v1/cases/" + caseId + "/nodes/" + analysisNode, CaseApiTest::settled, ANALYSIS);

        Api.Response toQuery = engineer.post("/api/v1/cases/" + caseId + "/interactions",
                Map.of("parentNodeId", queryNode, "response", "华为"));
        assertThat(toQuery.status()).isIn(404, 409);
        Api.Response empty = engineer.post("/api/v1/cases/" + caseId + "/interactions",
                Map.of("parentNodeId", analysisNode, "response", ""));
        assertThat(empty.status()).isEqualTo(400);

        assertThat(engineer.post("/api/v1/cases/" + caseId + "/close", Map.of()).status()).isEqualTo(200);
        engineer.await("/api/v1/cases/" + caseId, r -> "closed".equals(r.body().get("status").asText()), ANALYSIS);
        Api.Response afterClose = engineer.post("/api/v1/cases/" + caseId + "/interactions",
                Map.of("parentNodeId", analysisNode, "response", "华为 NE40E"));
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.errorType()).isEqualTo("CONFLICT");
        assertThat(engineer.post("/api/v1/cases/" + caseId + "/close", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void a_failing_analysis_is_retried_then_failed_and_can_be_started_again() {
        Api engineer = newUser("user");
        Api.Response opened = engineer.post("/api/v1/cases", Map.of("query",
                "Cisco ASR BGP neighbor stuck in Active " + FaultInjection.FAIL, "attachments", List.of()));
        String caseId = opened.body().get("caseId").asText();
        String analysisNode = opened.body().get("nodes").get(1).get("id").asText();
        Api.Response failed = engineer.await("/api/v1/cases/" + caseId + "/nodes/" + analysisNode,
                CaseApiTest::settled, ANALYSIS);
        assertThat(failed.body().get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.body().get("content").get("error").asText()).contains("2 attempt").contains("injected failure");
        assertThat(FaultInjection.failures.get()).isGreaterThanOrEqualTo(2);

        FaultInjection.heal();
        Api.Response retried = engineer.post("/api/v1/cases/" + caseId + "/nodes/" + analysisNode + "/retry", Map.of());
        assertThat(retried.status()).as("retry of the failed node answered %s", retried.body()).isEqualTo(200);
        assertThat(retried.body().get("status").asText()).isEqualTo("PROCESSING");
        Api.Response recovered = engineer.await("/api/v1/cases/" + caseId + "/nodes/" + analysisNode,
                r -> settled(r) && !"FAILED".equals(r.body().get("status").asText()), ANALYSIS);
        assertThat(recovered.body().get("type").asText()).isIn("AI_CLARIFICATION", "SOLUTION");
        Api.Response again = engineer.post("/api/v1/cases/" + caseId + "/nodes/" + analysisNode + "/retry", Map.of());
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void the_live_stream_pushes_the_node_as_its_analysis_ends() throws Exception {
        Api engineer = newUser("user");
        Api.Response opened = engineer.post("/api/v1/cases", Map.of("query",
                "华为S5700交换机VLAN 10 的用户无法获取DHCP地址", "attachments", List.of()));
        String caseId = opened.body().get("caseId").asText();
        String firstAnalysis = opened.body().get("nodes").get(1).get("id").asText();
        engineer.await("/api/v1/cases/" + caseId + "/nodes/" + firstAnalysis, CaseApiTest::settled, ANALYSIS);

        HttpResponse<InputStream> stream = engineer.client().send(engineer.request("/api/v1/cases/" + caseId + "/stream")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        CompletableFuture<String> firstEvent = CompletableFuture.supplyAsync(() -> readUntil(reader, lines, l -> l.startsWith("data:")));
        assertThat(firstEvent.get(10, TimeUnit.SECONDS)).contains(caseId);
        assertThat(lines).contains("event:graph");

        Api.Response interaction = engineer.post("/api/v1/cases/" + caseId + "/interactions", Map.of(
                "parentNodeId", firstAnalysis, "response", "华为S5700，V200R011，DHCP relay 已配置，display dhcp relay 无报错"));
        String secondAnalysis = interaction.body().get("processingNodeId").asText();
        CompletableFuture<String> concluded = CompletableFuture.supplyAsync(() -> readUntil(reader, lines,
                l -> l.startsWith("data:{\"kind\":\"node\"") && l.contains(secondAnalysis) && !l.contains("\"PROCESSING\"")));
        String event = concluded.get(20, TimeUnit.SECONDS);
        assertThat(event).containsAnyOf("AWAITING_USER_INPUT", "\"SOLUTION\"");
        assertThat(lines).contains("event:node", "event:edge");
        stream.body().close();

        assertThat(newUser("user").get("/api/v1/cases/" + caseId + "/stream").status()).isEqualTo(404);
    }

    private static String readUntil(BufferedReader reader, List<String> lines, java.util.function.Predicate<String> done) {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (done.test(line)) return line;
            }
            return "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
