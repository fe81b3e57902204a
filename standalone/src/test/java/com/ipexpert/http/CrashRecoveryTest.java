package com.ipexpert.http;

import com.ipexpert.IpExpertApplication;
import com.ipexpert.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as its own process, killed with SIGKILL while analyses are queued or running: after a restart
 * every acknowledged case, node and edge is there, and every unfinished analysis completes.
 */
class CrashRecoveryTest {
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) process.destroyForcibly();
    }

    @Test
    void a_killed_process_loses_nothing_acknowledged_and_resumes_unfinished_analyses() throws Exception {
        String db = TestDatabase.create("ipexpert_crash_" + Long.toHexString(System.nanoTime()));
        Path dataDir = Files.createTempDirectory("ipexpert-crash-");
        int port = freePort();
        process = start(db, dataDir, port);
        Api admin = awaitReady(port).as("admin", "crash-admin-123");

        // A burst of cases: the analysis pool may still be busy with them when the process dies.
        List<String[]> opened = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Api.Response r = admin.post("/api/v1/cases", Map.of("query", "BGP peer 10.0.0." + i + " flaps every 3 minutes on Cisco ASR", "attachments", List.of()));
            assertThat(r.status()).isEqualTo(200);
            opened.add(new String[]{r.body().get("caseId").asText(), r.body().get("nodes").get(1).get("id").asText()});
        }
        process.destroyForcibly().waitFor();

        process = start(db, dataDir, port);
        Api again = awaitReady(port).as("admin", "crash-admin-123");
        for (String[] c : opened) {
            Api.Response node = again.await("/api/v1/cases/" + c[0] + "/nodes/" + c[1],
                    r -> r.status() == 200 && !"PROCESSING".equals(r.body().get("status").asText()), Duration.ofSeconds(120));
            assertThat(node.body().get("type").asText()).isIn("AI_CLARIFICATION", "SOLUTION");
            Api.Response graph = again.get("/api/v1/cases/" + c[0]);
            assertThat(graph.body().get("nodes")).hasSize(2);
            assertThat(graph.body().get("edges")).hasSize(1);
        }
    }

    private static Process start(String db, Path dataDir, int port) throws IOException {
        // The application's own classpath, without the test classes.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, IpExpertApplication.class.getName(),
                "--server.port=" + port, "--spring.datasource.url=" + db,
                "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password(),
                "--ipexpert.data-dir=" + dataDir, "--ipexpert.security.admin-password=crash-admin-123",
                "--ipexpert.agent.step-timeout=10s", "--ipexpert.agent.initial-backoff=500ms",
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
