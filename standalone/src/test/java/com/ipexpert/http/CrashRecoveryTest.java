package com.ipexpert.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as its own process, killed with SIGKILL while analyses are queued or running: after a restart
 * every acknowledged case, node and edge is there, and every unfinished analysis completes.
 */
class CrashRecoveryTest {
    private ApplicationProcess app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void a_killed_process_loses_nothing_acknowledged_and_resumes_unfinished_analyses() throws Exception {
        app = new ApplicationProcess("crash", "--ipexpert.agent.step-timeout=10s", "--ipexpert.agent.initial-backoff=500ms");
        Api admin = app.start();

        // A burst of cases: the analysis pool may still be busy with them when the process dies.
        List<String[]> opened = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Api.Response r = admin.post("/api/v1/cases", Map.of("query", "BGP peer 10.0.0." + i + " flaps every 3 minutes on Cisco ASR", "attachments", List.of()));
            assertThat(r.status()).isEqualTo(200);
            opened.add(new String[]{r.body().get("caseId").asText(), r.body().get("nodes").get(1).get("id").asText()});
        }
        app.kill();

        Api again = app.start();
        for (String[] c : opened) {
            Api.Response node = again.await("/api/v1/cases/" + c[0] + "/nodes/" + c[1],
                    r -> r.status() == 200 && !"PROCESSING".equals(r.body().get("status").asText()), Duration.ofSeconds(120));
            assertThat(node.body().get("type").asText()).isIn("AI_CLARIFICATION", "SOLUTION");
            Api.Response graph = again.get("/api/v1/cases/" + c[0]);
            assertThat(graph.body().get("nodes")).hasSize(2);
            assertThat(graph.body().get("edges")).hasSize(1);
        }
    }
}
