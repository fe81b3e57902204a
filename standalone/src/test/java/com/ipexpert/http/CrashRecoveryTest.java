package com.ipexpert.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as its own process, killed with SIGKILL while analyses and document ingestions are queued or
 * running: after a restart every acknowledged case, node, edge and upload is there, every unfinished analysis
 * completes and every unfinished ingestion ends INDEXED (the sagas and their deadlines are in the database; a step
 * lost with the process is caught by its deadline and retried). One process, killed once with both kinds of work in
 * flight, then each kind checked on its own.
 */
@ProcessTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryTest {
    private ApplicationProcess app;
    private final List<String[]> opened = new ArrayList<>();
    private final List<String> uploaded = new ArrayList<>();
    private Api again;

    @BeforeAll
    void work_in_flight_when_the_process_is_killed() throws Exception {
        app = new ApplicationProcess("crash", "--ipexpert.agent.step-timeout=10s", "--ipexpert.agent.initial-backoff=500ms",
                "--ipexpert.knowledge.step-timeout=15s", "--ipexpert.knowledge.initial-backoff=500ms");
        Api admin = app.start();

        // A burst of cases, then documents: the analysis and ingestion pools may still be busy when the process dies.
        for (int i = 0; i < 25; i++) {
            Api.Response r = admin.post("/api/v1/cases", Map.of("query", "BGP peer 10.0.0." + i + " flaps every 3 minutes on Cisco ASR", "attachments", List.of()));
            assertThat(r.status()).isEqualTo(200);
            opened.add(new String[]{r.body().get("caseId").asText(), r.body().get("nodes").get(1).get("id").asText()});
        }
        for (int i = 0; i < 4; i++) {
            byte[] text = ("# Note " + i + "\n\nInterface GigabitEthernet0/" + i + " flaps when the optic " + i
                    + " runs hot; check display transceiver verbose. crashnote" + i + "\n").getBytes(StandardCharsets.UTF_8);
            Api.Response r = KnowledgeFiles.upload(admin, "note-" + i + ".md", text, List.of("optics"), "Huawei");
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            uploaded.add(r.body().get("docId").asText());
        }
        app.kill();

        again = app.start();
    }

    @AfterAll
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void a_killed_process_loses_nothing_acknowledged_and_resumes_unfinished_analyses() {
        for (String[] c : opened) {
            Api.Response node = again.await("/api/v1/cases/" + c[0] + "/nodes/" + c[1],
                    r -> r.status() == 200 && !"PROCESSING".equals(r.body().get("status").asText()), Duration.ofSeconds(120));
            assertThat(node.body().get("type").asText()).isIn("AI_CLARIFICATION", "SOLUTION");
            Api.Response graph = again.get("/api/v1/cases/" + c[0]);
            assertThat(graph.body().get("nodes")).hasSize(2);
            assertThat(graph.body().get("edges")).hasSize(1);
        }
    }

    @Test
    void a_killed_process_resumes_every_unfinished_ingestion() {
        for (String docId : uploaded) {
            Api.Response done = again.await("/api/v1/knowledge/documents/" + docId, r -> r.status() == 200
                    && List.of("INDEXED", "FAILED").contains(r.body().get("status").asText()), Duration.ofSeconds(180));
            assertThat(done.body().get("status").asText()).as(done.raw()).isEqualTo("INDEXED");
        }
        Api.Response search = again.get("/api/v1/knowledge/search?q=crashnote3%20optic%20runs%20hot");
        assertThat(search.body().get("items").get(0).get("docId").asText()).isEqualTo(uploaded.get(3));
    }
}
