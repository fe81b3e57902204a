package com.ipexpert.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as its own process, killed with SIGKILL while documents are queued or being ingested: after a
 * restart every acknowledged upload is there and every unfinished ingestion ends INDEXED (the saga and its
 * deadlines are in the database; a step lost with the process is caught by its deadline and retried).
 */
class KnowledgeCrashRecoveryTest {
    private ApplicationProcess app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void a_killed_process_resumes_every_unfinished_ingestion() throws Exception {
        app = new ApplicationProcess("kcrash", "--ipexpert.knowledge.step-timeout=15s", "--ipexpert.knowledge.initial-backoff=500ms");
        Api admin = app.start();

        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] text = ("# Note " + i + "\n\nInterface GigabitEthernet0/" + i + " flaps when the optic " + i
                    + " runs hot; check display transceiver verbose. crashnote" + i + "\n").getBytes(StandardCharsets.UTF_8);
            Api.Response r = KnowledgeFiles.upload(admin, "note-" + i + ".md", text, List.of("optics"), "Huawei");
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            uploaded.add(r.body().get("docId").asText());
        }
        app.kill();

        Api again = app.start();
        for (String docId : uploaded) {
            Api.Response done = again.await("/api/v1/knowledge/documents/" + docId, r -> r.status() == 200
                    && List.of("INDEXED", "FAILED").contains(r.body().get("status").asText()), Duration.ofSeconds(180));
            assertThat(done.body().get("status").asText()).as(done.raw()).isEqualTo("INDEXED");
        }
        Api.Response search = again.get("/api/v1/knowledge/search?q=crashnote3%20optic%20runs%20hot");
        assertThat(search.body().get("items").get(0).get("docId").asText()).isEqualTo(uploaded.get(3));
    }
}
