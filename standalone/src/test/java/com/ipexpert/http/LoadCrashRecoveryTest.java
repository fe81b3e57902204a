package com.ipexpert.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL during load on PostgreSQL: eight engineers open cases and answer the agent's questions while an
 * administrator uploads documents. After a restart every acknowledged case, answer and upload is there, every
 * analysis has ended and every document has been ingested.
 */
@ProcessTest
class LoadCrashRecoveryTest {
    private ApplicationProcess app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    record Acknowledged(String caseId, String analysisNode, String responseNode) {
    }

    @Test
    void a_process_killed_under_opens_answers_and_uploads_loses_nothing_acknowledged() throws Exception {
        app = new ApplicationProcess("loadcrash", "--ipexpert.agent.step-timeout=10s", "--ipexpert.agent.initial-backoff=500ms",
                "--ipexpert.knowledge.step-timeout=20s", "--ipexpert.knowledge.initial-backoff=500ms");
        Api admin = app.start();
        List<Api> engineers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "engineer" + i;
            assertThat(admin.post("/api/v1/users", Map.of("username", name, "password", "password-123", "roles", List.of("user")))
                    .status()).isEqualTo(201);
            engineers.add(admin.withToken(null).as(name, "password-123"));
        }

        List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> uploads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(9);
        for (Api engineer : engineers) {
            clients.submit(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        Api.Response opened = engineer.post("/api/v1/cases", Map.of("query",
                                "OSPF邻居状态卡在ExStart #" + (n++), "attachments", List.of()));
                        if (opened.status() != 200) continue;
                        String caseId = opened.body().get("caseId").asText();
                        String analysis = opened.body().get("nodes").get(1).get("id").asText();
                        acknowledged.add(new Acknowledged(caseId, analysis, null));
                        Api.Response node = null;
                        for (int wait = 0; wait < 400 && running.get(); wait++) {
                            node = engineer.get("/api/v1/cases/" + caseId + "/nodes/" + analysis);
                            if (node.status() == 200 && "AWAITING_USER_INPUT".equals(node.body().get("status").asText())) break;
                            Thread.sleep(100);
                        }
                        if (node == null || node.status() != 200 || !"AWAITING_USER_INPUT".equals(node.body().get("status").asText())) continue;
                        Api.Response answered = null;
                        for (int attempt = 0; attempt < 20 && running.get(); attempt++) {
                            // the case learns the node awaits input a moment after the read model shows it: 409 until then
                            answered = engineer.post("/api/v1/cases/" + caseId + "/interactions",
                                    Map.of("parentNodeId", analysis, "response", "设备是华为NE40E，两端接口MTU分别为1500和9000"));
                            if (answered.status() != 409) break;
                            Thread.sleep(100);
                        }
                        if (answered == null) continue;
                        if (answered.status() == 200) {
                            String responseNode = answered.body().get("newNodes").get(0).get("id").asText();
                            acknowledged.add(new Acknowledged(caseId, answered.body().get("processingNodeId").asText(), responseNode));
                        }
                    } catch (RuntimeException | InterruptedException gone) {
                        // the process was killed under this request: it was never acknowledged
                        if (!running.get()) return;
                    }
                }
            });
        }
        clients.submit(() -> {
            int n = 0;
            while (running.get() && n < 6) {
                try {
                    byte[] text = ("# Load note " + n + "\n\nOSPF ExStart on link " + n + " means an MTU mismatch; "
                            + "check display ospf peer. loadnote" + n + "\n").getBytes(StandardCharsets.UTF_8);
                    Api.Response r = KnowledgeFiles.upload(admin, "load-note-" + (n++) + ".md", text, List.of("ospf"), "Huawei");
                    if (r.status() == 200) uploads.add(r.body().get("docId").asText());
                } catch (RuntimeException gone) {
                    if (!running.get()) return;
                }
            }
        });

        // kill once the burst has run a while and some answers are in (analyses queue behind the 2 worker threads)
        long burstStarted = System.nanoTime();
        while (System.nanoTime() - burstStarted < 60_000_000_000L
                && (System.nanoTime() - burstStarted < 12_000_000_000L
                || acknowledged.stream().noneMatch(a -> a.responseNode() != null))) {
            Thread.sleep(200);
        }
        app.kill();
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        List<Acknowledged> acked = List.copyOf(acknowledged);
        assertThat(acked.stream().filter(a -> a.responseNode() != null)).as("answers acknowledged before the kill").isNotEmpty();
        assertThat(uploads).as("uploads acknowledged before the kill").isNotEmpty();

        Api again = app.start();
        for (Acknowledged a : acked) {
            Api.Response node = again.await("/api/v1/cases/" + a.caseId() + "/nodes/" + a.analysisNode(),
                    r -> r.status() == 200 && !"PROCESSING".equals(r.body().get("status").asText()), Duration.ofSeconds(180));
            assertThat(node.body().get("type").asText()).as(node.raw()).isIn("AI_CLARIFICATION", "SOLUTION");
            if (a.responseNode() != null) {
                Api.Response graph = again.get("/api/v1/cases/" + a.caseId());
                assertThat(graph.raw()).contains(a.responseNode());
            }
        }
        for (String docId : List.copyOf(uploads)) {
            Api.Response done = again.await("/api/v1/knowledge/documents/" + docId, r -> r.status() == 200
                    && List.of("INDEXED", "FAILED").contains(r.body().get("status").asText()), Duration.ofSeconds(240));
            assertThat(done.body().get("status").asText()).as(done.raw()).isEqualTo("INDEXED");
        }
        System.out.printf("load crash: %d acknowledged opens and answers, %d uploads, all recovered%n", acked.size(), uploads.size());
    }
}
