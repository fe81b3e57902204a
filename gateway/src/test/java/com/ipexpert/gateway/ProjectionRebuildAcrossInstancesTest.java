package com.ipexpert.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.ipexpert.gateway.stack.Client;
import com.ipexpert.gateway.stack.SideProcess;
import com.ipexpert.gateway.stack.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-side instances as separate processes (two claim owners) share the {@code case-graph} projection: one
 * holds its segment, the other runs it idle. Both list the same progress, and a rebuild asked of the idle one is
 * carried out (tokens reset once, the read model replayed) with both taking part, on the PostgreSQL event store as
 * behind Axon Server.
 */
class ProjectionRebuildAcrossInstancesTest {
    private static final String ADMIN_PASSWORD = "rebuild-admin-123";
    private static final Duration WITHIN = Duration.ofMinutes(2);
    private static final List<SideProcess> querySides = new ArrayList<>();
    private static SideProcess commandSide;
    private static String database;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create("ipexpert_rebuild");
        Map<String, String> environment = new HashMap<>();
        environment.put("AXON_AXONSERVER_ENABLED", "false");
        environment.put("SPRING_DATASOURCE_URL", database);
        environment.put("SPRING_DATASOURCE_USERNAME", TestDatabase.user());
        environment.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.password());
        environment.put("IPEXPERT_JWT_SECRET", "cmVidWlsZC1hY3Jvc3MtaW5zdGFuY2VzLWtleS05ZDNhN2UxYzRm");
        environment.put("IPEXPERT_AUDIT_CHAIN_KEY", "Y2hhaW4ta2V5LXJlYnVpbGQtYWNyb3NzLTdiM2U5ZDFhNGY=");
        environment.put("IPEXPERT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("IPEXPERT_KNOWLEDGE_FILE_STORE", "database");
        commandSide = SideProcess.start("rebuild-command", SideProcess.jarOf("command-side"), environment,
                List.of("--ipexpert.data-dir=" + Files.createTempDirectory("ipexpert-rebuild-command-")));
        commandSide.awaitReady(Duration.ofMinutes(10));
        for (int i = 0; i < 2; i++) {
            querySides.add(SideProcess.start("rebuild-query-" + i, SideProcess.jarOf("query-side"), environment, List.of()));
        }
        for (SideProcess side : querySides) side.awaitReady(Duration.ofMinutes(10));
    }

    @AfterAll
    static void stop() {
        querySides.forEach(SideProcess::close);
        if (commandSide != null) commandSide.close();
    }

    @Test
    void a_rebuild_asked_of_an_instance_that_holds_no_segment_is_carried_out_by_every_instance() throws Exception {
        Client writer = new Client(commandSide.url()).as("admin", ADMIN_PASSWORD);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Client.Response opened = writer.post("/api/v1/cases", Map.of("query", "OSPF neighbor stuck in ExStart #" + i,
                    "attachments", List.of()));
            assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
            cases.add(opened.body().get("caseId").asText());
        }
        String owner = await(() -> owner("case-graph"), o -> o != null, "case-graph has an owner");
        SideProcess holder = querySides.stream().filter(s -> owner.startsWith(s.pid() + "@")).findFirst().orElseThrow();
        SideProcess idle = querySides.stream().filter(s -> s != holder).findFirst().orElseThrow();
        Client onHolder = writer.on(holder.url());
        Client onIdle = writer.on(idle.url());
        for (String caseId : cases) {
            assertThat(onIdle.await("/api/v1/cases/" + caseId, r -> r.status() == 200, WITHIN).status()).isEqualTo(200);
        }

        // both instances tell the same progress, though only one holds the segment: caught up at the same position
        // once the analyses of the three cases have stopped adding events (two answers taken apart in time while
        // they still run may differ by the events between them)
        await(() -> {
            Client.Response byHolder = onHolder.get("/api/v1/admin/projections");
            Client.Response byIdle = onIdle.get("/api/v1/admin/projections");
            return caughtUp(byHolder, "case-graph") && caughtUp(byIdle, "case-graph")
                    ? processor(byIdle, "case-graph").get("position").asLong() - processor(byHolder, "case-graph").get("position").asLong()
                    : null;
        }, difference -> difference != null && difference == 0, "both instances caught up at the same position");

        Client.Response accepted = onIdle.post("/api/v1/admin/projections/case-graph/rebuild", Map.of());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        assertThat(accepted.body().get("replaying").asBoolean()).isTrue();
        await(() -> resetsCarriedOut("case-graph"), n -> n == 1, "the rebuild was carried out once");

        // replayed into the same read model, each case once; both instances say it is done
        await(() -> countIn("select count(*) from case_view where case_id = any(?)", cases), n -> n == cases.size(),
                "every case replayed into case_view");
        assertThat(countIn("select count(*) from case_node where case_id = any(?)", cases)).isEqualTo(2L * cases.size());
        assertThat(caughtUp(onIdle.await("/api/v1/admin/projections", r -> caughtUp(r, "case-graph"), WITHIN), "case-graph")).isTrue();
        assertThat(caughtUp(onHolder.await("/api/v1/admin/projections", r -> caughtUp(r, "case-graph"), WITHIN), "case-graph")).isTrue();

        // and the projection goes on with new events afterwards, on whichever instance holds it now
        Client.Response later = writer.post("/api/v1/cases", Map.of("query", "BGP flaps after the rebuild", "attachments", List.of()));
        String laterCase = later.body().get("caseId").asText();
        assertThat(onIdle.await("/api/v1/cases/" + laterCase, r -> r.status() == 200, WITHIN).status()).isEqualTo(200);
        assertThat(onHolder.await("/api/v1/cases/" + laterCase, r -> r.status() == 200, WITHIN).status()).isEqualTo(200);
    }

    private static boolean caughtUp(Client.Response list, String name) {
        if (list.status() != 200) return false;
        JsonNode p = processor(list, name);
        return p != null && p.get("lag").asLong() == 0 && !p.get("replaying").asBoolean();
    }

    private static JsonNode processor(Client.Response list, String name) {
        for (JsonNode p : list.body()) {
            if (p.get("name").asText().equals(name)) return p;
        }
        return null;
    }

    private interface Query<T> {
        T get() throws Exception;
    }

    private static <T> T await(Query<T> query, java.util.function.Predicate<T> until, String what) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        T last = query.get();
        while (!until.test(last)) {
            assertThat(System.nanoTime()).as(what + " (last: " + last + ")").isLessThan(deadline);
            Thread.sleep(100);
            last = query.get();
        }
        return last;
    }

    private static String owner(String processor) throws Exception {
        return single("select owner from token_entry where processor_name = ?", processor);
    }

    private static Long resetsCarriedOut(String processor) throws Exception {
        String done = single("select reset_generation::text from projection_rebuild where processor_name = ?", processor);
        return done == null ? 0L : Long.parseLong(done);
    }

    private static String single(String sql, String parameter) throws Exception {
        try (Connection db = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password());
             PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long countIn(String sql, List<String> ids) throws Exception {
        try (Connection db = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password());
             PreparedStatement q = db.prepareStatement(sql)) {
            q.setArray(1, db.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
