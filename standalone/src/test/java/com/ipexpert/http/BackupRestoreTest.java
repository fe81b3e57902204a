package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.ipexpert.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's backup and restore, done as an operator would: a case is opened, the application stopped, its data
 * backed up, restored into a fresh directory (and, on PostgreSQL, a fresh database), and the restored application
 * reads the case back with its history still verifying.
 */
@ProcessTest
class BackupRestoreTest {

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isEqualTo(0);
    }

    private record Opened(String caseId, JsonNode graph) {
    }

    private static Opened openAndSettle(Api admin) {
        Api.Response opened = admin.post("/api/v1/cases", Map.of("query", "OSPF邻居状态卡在ExStart", "attachments", List.of()));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        String caseId = opened.body().get("caseId").asText();
        JsonNode graph = admin.await("/api/v1/cases/" + caseId, r -> r.status() == 200 && r.body().get("nodes").size() >= 2
                && !"PROCESSING".equals(r.body().get("nodes").get(1).get("status").asText()), Duration.ofSeconds(60)).body();
        return new Opened(caseId, graph);
    }

    private static void readsBack(Api restored, Opened before) {
        Api.Response graph = restored.await("/api/v1/cases/" + before.caseId(), r -> r.status() == 200, Duration.ofSeconds(30));
        assertThat(graph.body().get("title").asText()).isEqualTo(before.graph().get("title").asText());
        assertThat(graph.body().get("nodes").size()).isEqualTo(before.graph().get("nodes").size());
        JsonNode verdict = restored.get("/api/v1/audit/cases/" + before.caseId() + "/verify").body();
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
    }

    @Test
    void the_embedded_data_directory_restored_into_a_fresh_directory_serves_the_case_again() throws Exception {
        Path original = Files.createTempDirectory("ipexpert-backup-h2-");
        Opened before;
        try (ApplicationProcess app = new ApplicationProcess(null, original)) {
            before = openAndSettle(app.start());
            app.stop();
            // an operator's log holds what asks something of them: nothing, after a first start, a case and a stop
            assertThat(app.warnings()).as("warnings of a clean first start, case and stop").isEmpty();
            if (ApplicationProcess.packaged()) {
                assertThat(app.archiveComplaints()).as("the JVM used the class data archive the build made").isEmpty();
            }
        }
        // backup: the whole data directory (database, files, index, keys) while the application is stopped
        Path archive = Files.createTempDirectory("ipexpert-archive-").resolve("ipexpert-data.tar.gz");
        run(original, "tar", "czf", archive.toString(), ".");
        // restore into a fresh directory
        Path fresh = Files.createTempDirectory("ipexpert-restored-h2-");
        run(fresh, "tar", "xzf", archive.toString());
        assertThat(fresh.resolve("chain.key")).exists();
        try (ApplicationProcess restored = new ApplicationProcess(null, fresh)) {
            readsBack(restored.start(), before);
            restored.stop();
        }
    }

    @Test
    void a_postgresql_dump_and_the_data_directory_restored_into_a_fresh_database_serve_the_case_again() throws Exception {
        Path original = Files.createTempDirectory("ipexpert-backup-pg-");
        String database = TestDatabase.create("ipexpert_backup_" + Long.toHexString(System.nanoTime()));
        Opened before;
        try (ApplicationProcess app = new ApplicationProcess(database, original)) {
            before = openAndSettle(app.start());
            app.stop();
        }
        Path archive = Files.createTempDirectory("ipexpert-archive-");
        String name = database.substring(database.lastIndexOf('/') + 1);
        String server = database.substring("jdbc:postgresql://".length(), database.lastIndexOf('/'));
        String host = server.contains(":") ? server.substring(0, server.indexOf(':')) : server;
        String port = server.contains(":") ? server.substring(server.indexOf(':') + 1) : "5432";
        run(archive, "pg_dump", "-h", host, "-p", port, "-U", TestDatabase.user(), "-Fc", "-f", "ipexpert.dump", name);
        run(original, "tar", "czf", archive.resolve("ipexpert-data.tar.gz").toString(), ".");

        String restoredDb = TestDatabase.create("ipexpert_restored_" + Long.toHexString(System.nanoTime()));
        String restoredName = restoredDb.substring(restoredDb.lastIndexOf('/') + 1);
        run(archive, "pg_restore", "-h", host, "-p", port, "-U", TestDatabase.user(), "--no-owner", "-d", restoredName, "ipexpert.dump");
        Path fresh = Files.createTempDirectory("ipexpert-restored-pg-");
        run(fresh, "tar", "xzf", archive.resolve("ipexpert-data.tar.gz").toString());
        try (ApplicationProcess restored = new ApplicationProcess(restoredDb, fresh)) {
            readsBack(restored.start(), before);
            restored.stop();
        }
    }
}
