package com.ipexpert.http;

import com.ipexpert.IpExpertApplication;
import com.ipexpert.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as its own process, killed with SIGKILL while documents are queued or being ingested: after a
 * restart every acknowledged upload is there and every unfinished ingestion ends INDEXED (the saga and its
 * deadlines are in the database; a step lost with the process is caught by its deadline and retried).
 */
class KnowledgeCrashRecoveryTest {
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) process.destroyForcibly();
    }

    @Test
    void a_killed_process_resumes_every_unfinished_ingestion() throws Exception {
        String db = TestDatabase.create("ipexpert_kcrash_" + Long.toHexString(System.nanoTime()));
        Path dataDir = Files.createTempDirectory("ipexpert-kcrash-");
        int port = freePort();
        process = start(db, dataDir, port);
        Api admin = awaitReady(port).as("admin", "crash-admin-123");

        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] text = ("# Note " + i + "\n\nInterface GigabitEthernet0/" + i + " flaps when the optic " + i
                    + " runs hot; check display transceiver verbose. crashnote" + i + "\n").getBytes(StandardCharsets.UTF_8);
            Api.Response r = KnowledgeFiles.upload(admin, "note-" + i + ".md", text, List.of("optics"), "Huawei");
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            uploaded.add(r.body().get("docId").asText());
        }
        process.destroyForcibly().waitFor();

        process = start(db, dataDir, port);
        Api again = awaitReady(port).as("admin", "crash-admin-123");
        for (String docId : uploaded) {
            Api.Response done = again.await("/api/v1/knowledge/documents/" + docId, r -> r.status() == 200
                    && List.of("INDEXED", "FAILED").contains(r.body().get("status").asText()), Duration.ofSeconds(180));
            assertThat(done.body().get("status").asText()).as(done.raw()).isEqualTo("INDEXED");
        }
        Api.Response search = again.get("/api/v1/knowledge/search?q=crashnote3%20optic%20runs%20hot");
        assertThat(search.body().get("items").get(0).get("docId").asText()).isEqualTo(uploaded.get(3));
    }

    private static Process start(String db, Path dataDir, int port) throws IOException {
        // The application's own classpath, without the test classes.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", classpath, IpExpertApplication.class.getName(),
                "--server.port=" + port, "--spring.datasource.url=" + db,
                "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password(),
                "--ipexpert.data-dir=" + dataDir, "--ipexpert.security.admin-password=crash-admin-123",
                "--ipexpert.knowledge.step-timeout=15s", "--ipexpert.knowledge.initial-backoff=500ms",
                "--ipexpert.deadlines.polling-interval=500ms", "--logging.level.root=warn");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app-" + System.nanoTime() + ".log").toFile()).start();
    }

    private Api awaitReady(int port) throws InterruptedException {
        Api api = new Api(port);
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(process.isAlive()).as("the application process is running").isTrue();
            try {
                if (api.get("/actuator/health").status() == 200) return api;
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not become ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
