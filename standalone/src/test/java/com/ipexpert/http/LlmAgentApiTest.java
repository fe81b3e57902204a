package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.ipexpert.IpExpertApplication;
import com.ipexpert.TestDatabase;
import com.ipexpert.analyst.llm.FakeChatCompletions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent with a language model, end to end: the whole application on a database of its own, its analyst pointed
 * at a real HTTP server in the test that speaks OpenAI's streaming chat-completions protocol, driven over the REST
 * contract as a client drives it.
 */
@SpringBootTest(classes = IpExpertApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LlmAgentApiTest {
    private static final String ADMIN_PASSWORD = "admin-secret-llm";
    private static final Duration ANALYSIS = Duration.ofSeconds(20);
    private static final FakeChatCompletions model = startModel();

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String database;

    private static FakeChatCompletions startModel() {
        try {
            return FakeChatCompletions.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        String db = TestDatabase.create("ipexpert_llm_" + Long.toHexString(System.nanoTime()));
        String dataDir = Files.createTempDirectory("ipexpert-llm-").toString();
        registry.add("spring.datasource.url", () -> db);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("ipexpert.data-dir", () -> dataDir);
        registry.add("ipexpert.security.admin-password", () -> ADMIN_PASSWORD);
        registry.add("ipexpert.security.jwt-secret", () -> "llm-secret-llm-secret-llm-secret-0123456789");
        registry.add("ipexpert.llm.api-key", () -> "sk-test-llm-0123456789");
        registry.add("ipexpert.llm.base-url", model::baseUrl);
        registry.add("ipexpert.llm.model", () -> "qwen-test");
        registry.add("ipexpert.llm.timeout", () -> "4s");
        // these tests follow the saga's retries; the fallback to the offline analyst is tested on its own
        registry.add("ipexpert.llm.fallback-to-offline", () -> "false");
        registry.add("ipexpert.agent.step-timeout", () -> "10s");
        registry.add("ipexpert.agent.max-attempts", () -> "3");
        registry.add("ipexpert.agent.initial-backoff", () -> "200ms");
        registry.add("ipexpert.deadlines.polling-interval", () -> "200ms");
    }

    @BeforeEach
    void freshModel() {
        model.reset();
    }

    @AfterAll
    static void stopModel() {
        model.close();
    }

    private Api admin() {
        return new Api(port).as("admin", ADMIN_PASSWORD);
    }

    private Api engineer() {
        String name = "e" + Long.toHexString(System.nanoTime());
        Api.Response created = admin().post("/api/v1/users", Map.of("username", name, "email", name + "@example.com",
                "password", "password-123", "roles", List.of("user")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Api(port).as(name, "password-123");
    }

    private static String solution(String answer, String... commands) {
        StringBuilder json = new StringBuilder("{\"decision\": \"solution\", \"category\": \"OSPF\", \"vendor\": \"Huawei\", \"answer\": \"")
                .append(answer.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append("\", \"citations\": [], \"commands\": [");
        for (int i = 0; i < commands.length; i++) json.append(i == 0 ? "" : ", ").append('"').append(commands[i]).append('"');
        return json.append("]}").toString();
    }

    /** The draft a client keeps from a node's delta events: {@code draft = draft[0, offset) + text}. */
    private static String draftOf(List<EventStream.Event> events, String nodeId) {
        StringBuilder draft = new StringBuilder();
        for (EventStream.Event e : events) {
            if (!e.name().equals("delta") || !e.data().get("nodeId").asText().equals(nodeId)) continue;
            int offset = e.data().get("offset").asInt();
            draft.setLength(Math.min(offset, draft.length()));
            draft.append(e.data().get("text").asText());
        }
        return draft.toString();
    }

    @Test
    void the_answer_streams_to_the_case_as_the_model_writes_it_and_the_node_stores_it_once_whole() throws Exception {
        assertThat(database).contains("ipexpert_llm_");
        String answer = "两端 MTU 不一致（1500 对 9000），OSPF 邻居停在 ExStart。\n把 GE0/0/1 两端的 MTU 设为一致，或在接口下执行 ospf mtu-enable 后复查。";
        model.holdReplies().chunksApart(15).replies(solution(answer, "display ospf peer", "display interface GigabitEthernet0/0/1"), 640, 90);
        Api engineer = engineer();
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "华为 NE40E 上 OSPF 邻居一直卡在 ExStart 状态，接口 GE0/0/1");

        JsonNode node;
        List<EventStream.Event> events;
        try (EventStream stream = EventStream.open(engineer, "/api/v1/cases/" + opened.caseId() + "/stream")) {
            stream.await(e -> e.name().equals("graph"), Duration.ofSeconds(10));
            model.releaseReplies();
            stream.await(e -> e.name().equals("node") && e.data().at("/node/id").asText().equals(opened.analysisNode())
                    && e.data().at("/node/status").asText().equals("COMPLETED"), ANALYSIS);
            events = stream.events();
        } finally {
            model.releaseReplies().chunksApart(0);
        }

        List<EventStream.Event> deltas = events.stream().filter(e -> e.name().equals("delta")).toList();
        assertThat(deltas.size()).as("the answer arrived in pieces").isGreaterThan(5);
        assertThat(deltas).allSatisfy(d -> {
            assertThat(d.data().get("caseId").asText()).isEqualTo(opened.caseId());
            assertThat(d.data().get("field").asText()).isEqualTo("answer");
            assertThat(d.data().get("attempt").asInt()).isEqualTo(1);
        });
        assertThat(draftOf(events, opened.analysisNode())).isEqualTo(answer);
        int lastDelta = events.lastIndexOf(deltas.get(deltas.size() - 1));
        int concluded = events.indexOf(events.stream().filter(e -> e.name().equals("node")
                && e.data().at("/node/status").asText().equals("COMPLETED")).findFirst().orElseThrow());
        assertThat(lastDelta).as("every piece came before the concluded node").isLessThan(concluded);

        node = engineer.get("/api/v1/cases/" + opened.caseId() + "/nodes/" + opened.analysisNode()).body();
        assertThat(node.get("type").asText()).isEqualTo("SOLUTION");
        assertThat(node.at("/content/answer").asText()).isEqualTo(answer);
        assertThat(node.at("/content/commands")).extracting(JsonNode::asText)
                .containsExactly("display ospf peer", "display interface GigabitEthernet0/0/1");
        JsonNode metadata = node.get("metadata");
        assertThat(metadata.get("analyst").asText()).isEqualTo("qwen-test");
        assertThat(metadata.get("analystVersion").asText()).isEqualTo("diagnosis-v2");
        assertThat(metadata.get("category").asText()).isEqualTo("OSPF");
        assertThat(metadata.get("vendor").asText()).isEqualTo("Huawei");
        assertThat(metadata.at("/tokens/input").asLong()).isEqualTo(640);
        assertThat(metadata.at("/tokens/output").asLong()).isEqualTo(90);
        assertThat(metadata.at("/retrieval/query").asText()).contains("OSPF 邻居一直卡在 ExStart");
        assertThat(metadata.at("/retrieval/weight").asDouble()).isEqualTo(0.7);
        assertThat(metadata.at("/trace/modelCalls/0/streamed").asBoolean()).isTrue();
        assertThat(metadata.has("evidence")).isTrue();

        // Opened the moment the case was created, the stream waited for it rather than answer 404.
        // Pieces are never stored: the audit trail holds the node's conclusion once, complete.
        JsonNode audit = admin().get("/api/v1/audit/cases/" + opened.caseId() + "/events").body();
        List<String> types = new ArrayList<>();
        audit.get("events").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).filteredOn(t -> t.endsWith("AnalysisConcluded")).hasSize(1);
        assertThat(types).noneMatch(t -> t.toLowerCase().contains("draft"));
        JsonNode conclusion = null;
        for (JsonNode e : audit.get("events")) if (e.get("type").asText().endsWith("AnalysisConcluded")) conclusion = e;
        assertThat(conclusion.at("/payload/content/answer").asText()).isEqualTo(answer);
    }

    @Test
    void the_second_step_is_asked_with_the_first_question_and_the_engineers_answer() {
        model.replies("""
                {"decision": "clarify", "category": "BGP", "analysis": "会话每 3 分钟中断，像是 hold time 到期。",
                 "questions": ["对端的 hold time 和 keepalive 配置是多少？"]}""")
                .replies("{\"decision\": \"solution\", \"category\": \"BGP\", \"answer\": \"双方 hold time 不一致且 keepalive 被 ACL 丢弃：放通 TCP 179。\", "
                        + "\"citations\": [], \"commands\": [\"show ip bgp summary\", \"show ip access-lists\"]}");
        Api engineer = engineer();
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "Cisco ASR1000 BGP session flaps every 3 minutes");
        JsonNode asked = CaseSteps.settled(engineer, opened.caseId(), opened.analysisNode()).body();
        assertThat(asked.get("type").asText()).isEqualTo("AI_CLARIFICATION");
        assertThat(asked.at("/content/suggestedQuestions/0").asText()).isEqualTo("对端的 hold time 和 keepalive 配置是多少？");

        String second = CaseSteps.answer(engineer, opened.caseId(), opened.analysisNode(), "对端 hold time 90，本端 180；中间有 ACL");
        JsonNode solved = CaseSteps.settled(engineer, opened.caseId(), second).body();

        assertThat(solved.get("type").asText()).isEqualTo("SOLUTION");
        assertThat(solved.at("/content/commands")).extracting(JsonNode::asText).containsExactly("show ip bgp summary", "show ip access-lists");
        String secondPrompt = model.promptOf(1);
        assertThat(secondPrompt).contains("Cisco ASR1000 BGP session flaps every 3 minutes")
                .contains("会话每 3 分钟中断，像是 hold time 到期。").contains("对端的 hold time 和 keepalive 配置是多少？")
                .contains("对端 hold time 90，本端 180；中间有 ACL");
        assertThat(solved.at("/metadata/category").asText()).isEqualTo("BGP");
        assertThat(solved.at("/metadata/vendor").asText()).isEqualTo("Cisco");
    }

    @Test
    void category_and_vendor_are_read_again_as_the_conversation_reveals_them() {
        model.replies("""
                {"decision": "clarify", "category": "other", "vendor": null, "analysis": "症状太笼统，还不知道协议和设备。",
                 "questions": ["两端是什么设备？哪个协议的邻居或会话在断？"]}""")
                .replies("{\"decision\": \"solution\", \"category\": \"OSPF\", \"answer\": \"邻居在 Full 与 Init 之间反复：检查 hello/dead 定时器与接口丢包。\", "
                        + "\"citations\": [], \"commands\": [\"show ospf neighbor\", \"show ospf interface detail\"]}");
        Api engineer = engineer();
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "上海分部到总部的业务时断时续");
        JsonNode first = CaseSteps.settled(engineer, opened.caseId(), opened.analysisNode()).body();
        assertThat(first.at("/metadata/category").asText()).isEqualTo("other");
        assertThat(first.at("/metadata/vendor").isNull()).isTrue();

        String second = CaseSteps.answer(engineer, opened.caseId(), opened.analysisNode(),
                "总部路由器是 Juniper MX204，OSPF 邻居在 Full 和 Init 之间反复");
        JsonNode solved = CaseSteps.settled(engineer, opened.caseId(), second).body();

        assertThat(solved.at("/metadata/category").asText()).isEqualTo("OSPF");
        assertThat(solved.at("/metadata/vendor").asText()).isEqualTo("Juniper");
        assertThat(solved.at("/content/commands")).extracting(JsonNode::asText).containsExactly("show ospf neighbor", "show ospf interface detail");
        JsonNode graph = engineer.await("/api/v1/cases/" + opened.caseId(), r -> "OSPF".equals(r.body().path("category").asText()), ANALYSIS).body();
        assertThat(graph.get("vendor").asText()).isEqualTo("Juniper");
    }

    @Test
    void a_rate_limited_model_is_asked_again_after_a_backoff_and_the_failed_attempt_stays_in_the_history() {
        model.fails(429, "Rate limit reached").replies(solution("Align the MTU on both ends.", "display ospf peer"));
        Api engineer = engineer();
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "华为 OSPF 邻居卡在 ExStart");

        JsonNode node = CaseSteps.settled(engineer, opened.caseId(), opened.analysisNode()).body();

        assertThat(node.get("type").asText()).isEqualTo("SOLUTION");
        assertThat(node.at("/metadata/attempt").asInt()).isEqualTo(2);
        JsonNode audit = admin().get("/api/v1/audit/cases/" + opened.caseId() + "/events").body();
        JsonNode failed = null;
        for (JsonNode e : audit.get("events")) if (e.get("type").asText().endsWith("AnalysisAttemptFailed")) failed = e;
        assertThat(failed).isNotNull();
        assertThat(failed.at("/payload/reason").asText()).contains("HTTP 429");
        assertThat(failed.at("/payload/retryable").asBoolean()).isTrue();
        assertThat(failed.at("/payload/record/analyst").asText()).isEqualTo("qwen-test");
        assertThat(failed.at("/payload/record/retrieval/query").asText()).isEqualTo("华为 OSPF 邻居卡在 ExStart");
        assertThat(failed.at("/payload/record/modelCalls/0/failure").asText()).contains("HTTP 429");
    }

    @Test
    void a_request_the_model_refuses_fails_the_node_at_once_with_the_reason() {
        model.fails(400, "max_tokens is too large for this model");
        Api engineer = engineer();
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "华为 OSPF 邻居卡在 ExStart");

        JsonNode node = CaseSteps.settled(engineer, opened.caseId(), opened.analysisNode()).body();

        assertThat(node.get("status").asText()).isEqualTo("FAILED");
        assertThat(node.toString()).contains("HTTP 400").contains("max_tokens is too large");
        assertThat(node.at("/metadata/lastAttemptRecord/analyst").asText()).isEqualTo("qwen-test");
        assertThat(node.at("/metadata/lastAttemptRecord/promptVersion").asText()).isEqualTo("diagnosis-v2");
        // Time travel folds the events by the same rules: the graph as of now shows the same record.
        JsonNode now = admin().get("/api/v1/audit/cases/" + opened.caseId() + "?at=" + java.time.Instant.now()).body();
        JsonNode failedThen = null;
        for (JsonNode n : now.get("nodes")) if (n.get("id").asText().equals(opened.analysisNode())) failedThen = n;
        assertThat(failedThen.get("metadata")).isEqualTo(node.get("metadata"));
        assertThat(model.requests()).hasSize(1);
    }
}
