package com.ipexpert.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.ipexpert.gateway.stack.Client;
import com.ipexpert.gateway.stack.GatewayProcess;
import com.ipexpert.gateway.stack.SideProcess;
import com.ipexpert.gateway.stack.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.charset.StandardCharsets;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distributed stack on a real Axon Server: two command-side and two query-side instances (their application
 * jars, as processes) behind the gateway. 200 cases opened by 8 clients and 5 documents uploaded through the one URL;
 * half way, one instance of each side is killed with SIGKILL. Every acknowledged case and document must end where it
 * should, each exactly once in the read models, and each case's audit chain must verify.
 *
 * <p>Needs {@code AXONSERVER_ADDRESS} (host:port of Axon Server's gRPC port; an empty event store, since the
 * read models start from a fresh database and would replay whatever it holds) and {@code AXONSERVER_TOKEN} when
 * access control is on; skipped otherwise.
 */
@EnabledIfEnvironmentVariable(named = "AXONSERVER_ADDRESS", matches = ".+",
        disabledReason = "needs a running Axon Server: set AXONSERVER_ADDRESS=host:port (and AXONSERVER_TOKEN)")
class AxonServerMultiInstanceTest {
    private static final int CASES = 200;
    private static final int DOCUMENTS = 5;
    private static final int CLIENTS = 8;
    private static final String ADMIN_PASSWORD = "multi-admin-123";
    private static final List<SideProcess> commandSides = new ArrayList<>();
    private static final List<SideProcess> querySides = new ArrayList<>();
    private static GatewayProcess gateway;
    private static String database;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create("ipexpert_multi");
        Map<String, String> environment = new HashMap<>();
        environment.put("AXON_AXONSERVER_ENABLED", "true");
        environment.put("AXON_AXONSERVER_SERVERS", System.getenv("AXONSERVER_ADDRESS"));
        environment.put("AXON_AXONSERVER_TOKEN", System.getenv().getOrDefault("AXONSERVER_TOKEN", ""));
        environment.put("SPRING_DATASOURCE_URL", database);
        environment.put("SPRING_DATASOURCE_USERNAME", TestDatabase.user());
        environment.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.password());
        environment.put("IPEXPERT_JWT_SECRET", "bXVsdGktaW5zdGFuY2UtdGVzdC1rZXktN2Y0ZTljMmExYjNk");
        environment.put("IPEXPERT_AUDIT_CHAIN_KEY", "Y2hhaW4ta2V5LW11bHRpLWluc3RhbmNlLTJmOGE0YzFkOWU=");
        environment.put("IPEXPERT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("IPEXPERT_KNOWLEDGE_FILE_STORE", "database");
        // an attempt lost with its instance is caught by its deadline and run again by a survivor
        environment.put("IPEXPERT_AGENT_STEP_TIMEOUT", "15s");
        environment.put("IPEXPERT_KNOWLEDGE_STEP_TIMEOUT", "60s");
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // one administrator opens all 200 cases: the per-user limit on case openings (60 a minute) would refuse most
        environment.put("IPEXPERT_RATELIMITS_ENABLED", "false");
        // both query-side instances start together on an empty database: Flyway's lock lets one migrate
        for (int i = 0; i < 2; i++) {
            querySides.add(SideProcess.start("query-" + i, SideProcess.jarOf("query-side"), environment, List.of()));
        }
        for (int i = 0; i < 2; i++) {
            commandSides.add(SideProcess.start("command-" + i, SideProcess.jarOf("command-side"), environment,
                    List.of("--ipexpert.data-dir=" + Files.createTempDirectory("ipexpert-multi-command-" + i))));
        }
        for (SideProcess side : querySides) side.awaitReady(Duration.ofMinutes(15));
        for (SideProcess side : commandSides) side.awaitReady(Duration.ofMinutes(15));
        gateway = GatewayProcess.start(commandSides.stream().map(SideProcess::url).toList(),
                querySides.stream().map(SideProcess::url).toList(), Files.createTempFile("ipexpert-multi-gateway-", ".log"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) gateway.close();
        commandSides.forEach(SideProcess::close);
        querySides.forEach(SideProcess::close);
    }

    @Test
    void every_acknowledged_case_and_document_ends_where_it_should_when_an_instance_of_each_side_dies() throws Exception {
        Client admin = new Client(gateway.url()).as("admin", ADMIN_PASSWORD);
        Set<String> cases = ConcurrentHashMap.newKeySet();
        Set<String> documents = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        AtomicInteger started = new AtomicInteger();
        CountDownLatch halfWay = new CountDownLatch(CASES / 2);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long begin = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                int n;
                while ((n = started.getAndIncrement()) < CASES) {
                    Client.Response opened = admin.post("/api/v1/cases", Map.of("query",
                            "OSPF neighbor stuck in ExStart on Huawei NE40E, case " + n, "attachments", List.of()));
                    if (opened.status() == 200) cases.add(opened.body().get("caseId").asText());
                    else {
                        refused.incrementAndGet();
                        JsonNode error = opened.body() == null ? null : opened.body().get("error");
                        String kind = opened.status() + " " + (error != null && error.get("type") != null
                                ? error.get("type").asText() + ": " + error.path("message").asText() : opened.raw());
                        refusals.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                    }
                    halfWay.countDown();
                    if (n % (CASES / DOCUMENTS) == 0) {
                        byte[] manual = ("# OSPF manual " + n + "\n\nWhen the neighbor is stuck in ExStart, compare the MTU: "
                                + "display ospf peer; display interface GigabitEthernet0/0/" + n + ".\n").getBytes(StandardCharsets.UTF_8);
                        Client.Response uploaded = admin.upload("/api/v1/knowledge/documents", "ospf-" + n + ".md", manual,
                                "Huawei", List.of("ospf"));
                        if (uploaded.status() == 200) documents.add(uploaded.body().get("docId").asText());
                        else refusals.computeIfAbsent("upload " + uploaded.status(), k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
        }
        assertThat(halfWay.await(5, TimeUnit.MINUTES)).isTrue();
        commandSides.get(0).kill();
        querySides.get(0).kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("multi-instance: %d cases acknowledged, %d refused, %d documents, %.1f s (%.1f cases/s)%n",
                cases.size(), refused.get(), documents.size(), seconds, cases.size() / seconds);
        refusals.forEach((kind, count) -> System.out.printf("multi-instance: refused %d× %s%n", count.get(), kind));
        assertThat(cases.size()).isGreaterThanOrEqualTo(CASES * 9 / 10);
        assertThat(documents).isNotEmpty();

        Map<String, Integer> outcomes = new TreeMap<>();
        for (String caseId : cases) {
            Client.Response graph = admin.await("/api/v1/cases/" + caseId, r -> r.status() == 200 && settled(r.body()),
                    Duration.ofMinutes(3));
            assertThat(graph.status()).as(caseId + ": " + graph.raw()).isEqualTo(200);
            assertThat(settled(graph.body())).as(caseId + ": " + graph.raw()).isTrue();
            assertThat(graph.body().get("nodes")).as(caseId).hasSize(2);
            JsonNode analysis = graph.body().get("nodes").get(1);
            outcomes.merge(analysis.get("type").asText() + " " + analysis.get("status").asText(), 1, Integer::sum);
        }
        System.out.printf("multi-instance: analyses settled: %s%n", outcomes);
        for (String docId : documents) {
            Client.Response detail = admin.await("/api/v1/knowledge/documents/" + docId,
                    r -> r.status() == 200 && "INDEXED".equals(r.body().get("status").asText()), Duration.ofMinutes(5));
            assertThat(detail.body().get("status").asText()).as(detail.raw()).isEqualTo("INDEXED");
        }

        try (Connection db = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password())) {
            assertThat(countIn(db, "select count(*) from case_view where case_id = any(?)", cases)).isEqualTo(cases.size());
            assertThat(countIn(db, "select count(*) from case_node where case_id = any(?)", cases)).isEqualTo(2L * cases.size());
            assertThat(countIn(db, "select count(*) from case_edge where case_id = any(?)", cases)).isEqualTo(cases.size());
            assertThat(countIn(db, "select count(*) from statistics_case where case_id = any(?)", cases)).isEqualTo(cases.size());
            assertThat(countIn(db, "select count(*) from knowledge_document where doc_id = any(?)", documents)).isEqualTo(documents.size());
        }
        // every verdict first, then the count, so a failing run says how many chains did not verify and why
        Map<String, String> unverified = new HashMap<>();
        for (String caseId : cases) {
            Client.Response verdict = admin.get("/api/v1/audit/cases/" + caseId + "/verify");
            if (verdict.status() != 200 || !verdict.body().get("valid").asBoolean()) unverified.put(caseId, verdict.raw());
        }
        System.out.printf("multi-instance: audit chains of %d cases verified, %d valid%n", cases.size(),
                cases.size() - unverified.size());
        assertThat(unverified).isEmpty();

        // a projection rebuilt through the one URL replays from Axon Server into the same rows, each case once
        Client.Response rebuild = admin.post("/api/v1/admin/projections/statistics/rebuild", Map.of());
        assertThat(rebuild.status()).as(rebuild.raw()).isEqualTo(202);
        long begun = System.nanoTime();
        Client.Response listed = admin.await("/api/v1/admin/projections", r -> rebuilt(r, "statistics"), Duration.ofMinutes(5));
        assertThat(rebuilt(listed, "statistics")).as(listed.raw()).isTrue();
        System.out.printf("multi-instance: statistics rebuilt from Axon Server in %.1f s%n", (System.nanoTime() - begun) / 1e9);
        try (Connection db = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password())) {
            assertThat(countIn(db, "select count(*) from statistics_case where case_id = any(?)", cases)).isEqualTo(cases.size());
            try (PreparedStatement done = db.prepareStatement(
                    "select reset_generation from projection_rebuild where processor_name = 'statistics'");
                 ResultSet rs = done.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    /** Listed (from whichever instance answers) as caught up and no longer replaying after a reset. */
    private static boolean rebuilt(Client.Response list, String name) {
        if (list.status() != 200) return false;
        for (JsonNode p : list.body()) {
            if (p.get("name").asText().equals(name)) {
                return p.get("lag").asLong() == 0 && !p.get("replaying").asBoolean();
            }
        }
        return false;
    }

    /** The analysis has ended: clarification asked, solution given, or failed with a reason. */
    private static boolean settled(JsonNode graph) {
        for (JsonNode node : graph.get("nodes")) {
            if ("PROCESSING".equals(node.get("status").asText())) return false;
        }
        return true;
    }

    private static long countIn(Connection db, String sql, Set<String> ids) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setArray(1, db.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
