package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarted in the middle of a burst of case openings, on a PostgreSQL server of the test's own: requests
 * that meet the outage answer 503 in the API error shape with {@code Retry-After}, the application recovers by itself
 * once the database is back, and nothing acknowledged is lost: every acknowledged case is listed, analysed exactly
 * once and counted once in the statistics.
 */
@ProcessTest
class DatabaseOutageTest {
    private static final int CASES = Integer.getInteger("ipexpert.test.outage.cases", 96);
    private static final int CLIENTS = 32;
    private PrivatePostgres pg;
    private ApplicationProcess app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
        if (pg != null) pg.close();
    }

    @Test
    void a_database_restart_in_the_middle_of_a_burst_answers_503_and_loses_nothing_acknowledged() throws Exception {
        Assumptions.assumeTrue(PrivatePostgres.unavailableBecause().isEmpty(),
                () -> "skipped: " + PrivatePostgres.unavailableBecause().orElse(""));
        pg = PrivatePostgres.start("outage");
        String db = pg.createDatabase("faults_outage");
        app = new ApplicationProcess(db, Files.createTempDirectory("ipexpert-outage-"),
                // a request waits this long for a connection before it answers 503 (the pool's default is 30 s)
                "--spring.datasource.hikari.connection-timeout=3000",
                // a step whose report was lost with the outage is caught by its deadline: keep that short here
                "--ipexpert.agent.step-timeout=15s", "--ipexpert.agent.initial-backoff=500ms",
                "--ipexpert.rate-limits.case-openings.capacity=100000", "--server.tomcat.threads.max=80");
        Api admin = app.start();
        assertThat(admin.post("/api/v1/users", Map.of("username", "storm", "password", "password-123", "roles", List.of("user")))
                .status()).isEqualTo(201);
        Api engineer = admin.withToken(null).as("storm", "password-123");

        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> burst = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            burst.add(clients.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < CASES) {
                    Api.Response r = engineer.post("/api/v1/cases", Map.of("query",
                            "告警风暴 #" + n + "：BGP session to 10.0." + (n % 250) + ".1 flaps every 3 minutes", "attachments", List.of()));
                    answers.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (r.status() == 200) {
                        acknowledged.add(r.body().get("caseId").asText());
                    } else {
                        assertThat(r.status()).as(r.raw()).isEqualTo(503);
                        assertThat(r.errorType()).as(r.raw()).isEqualTo("SERVICE_UNAVAILABLE");
                    }
                }
                return null;
            }));
        }
        long waitFrom = System.currentTimeMillis();
        while (acknowledged.size() < CASES / 3 && System.currentTimeMillis() - waitFrom < 120_000) Thread.sleep(50);

        pg.stopServer();
        long stopped = System.nanoTime();
        String known = acknowledged.get(0);
        // while it is down: a write and a read answer 503 in the error shape, with Retry-After
        HttpResponse<String> open = engineer.client().send(engineer.request("/api/v1/cases")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"OSPF邻居状态卡在ExStart\",\"attachments\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(open.statusCode()).as(open.body()).isEqualTo(503);
        assertThat(open.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(open.body()).contains("\"type\":\"SERVICE_UNAVAILABLE\"").contains("\"status\":\"error\"");
        Api.Response read = engineer.get("/api/v1/cases/" + known);
        assertThat(read.status()).as(read.raw()).isEqualTo(503);
        assertThat(read.json("code").asInt()).isEqualTo(503);
        Thread.sleep(2_000);

        pg.startServer();
        long restarted = System.nanoTime();
        Api.Response back = engineer.await("/api/v1/cases/" + known, r -> r.status() == 200, Duration.ofSeconds(90));
        long readBackMs = (System.nanoTime() - restarted) / 1_000_000;
        assertThat(back.status()).isEqualTo(200);
        Api.Response opened = engineer.await("/api/v1/cases", r -> r.status() == 200, Duration.ofSeconds(90));
        assertThat(opened.status()).isEqualTo(200); // a GET of the list; now a write:
        Api.Response written = null;
        long writeFrom = System.currentTimeMillis();
        while (System.currentTimeMillis() - writeFrom < 90_000) {
            written = engineer.post("/api/v1/cases", Map.of("query", "OSPF邻居状态卡在ExStart", "attachments", List.of()));
            if (written.status() != 503) break;
            Thread.sleep(200);
        }
        long writeBackMs = (System.nanoTime() - restarted) / 1_000_000;
        assertThat(written.status()).as(written.raw()).isEqualTo(200);
        acknowledged.add(written.body().get("caseId").asText());
        for (Future<?> f : burst) f.get();
        clients.shutdown();

        // every analysis ends (a step whose report met the outage is caught by its deadline and runs again)
        long settled = System.currentTimeMillis() + 240_000;
        int processing;
        do {
            Thread.sleep(500);
            processing = count(db, "select count(*) from case_node where status = 'PROCESSING'");
        } while (processing > 0 && System.currentTimeMillis() < settled);
        assertThat(processing).as("analyses still running").isZero();

        Set<String> listed = new HashSet<>();
        Api.Response list = engineer.get("/api/v1/cases");
        for (JsonNode c : list.body()) listed.add(c.get("caseId").asText());
        assertThat(listed).as("every acknowledged case is listed").containsAll(acknowledged);

        int twice = count(db, """
                select count(*) from (select aggregate_identifier from domain_event_entry
                 where payload_type like '%AnalysisConcluded' group by aggregate_identifier having count(*) > 1) t""");
        assertThat(twice).as("analyses concluded twice").isZero();
        for (String caseId : acknowledged) {
            assertThat(count(db, "select count(*) from case_node where case_id = '" + caseId
                    + "' and type in ('SOLUTION', 'AI_CLARIFICATION')")).as("case " + caseId + " analysed once").isEqualTo(1);
            assertThat(count(db, "select count(*) from statistics_case where case_id = '" + caseId + "'"))
                    .as("case " + caseId + " in the statistics").isEqualTo(1);
        }
        int cases = count(db, "select count(*) from case_view");
        Api analyst = admin;
        int counted = 0;
        for (JsonNode day : analyst.get("/api/v1/statistics?timeRange=7d").body().get("resolutionTrend")) {
            counted += day.get("opened").asInt();
        }
        assertThat(counted).as("each case counted once in the statistics").isEqualTo(cases);

        System.out.printf("database restart in a burst: %d of %d opens acknowledged, answers %s; %d cases stored; "
                        + "all listed, analysed once, counted once; down %.1f s; reads back %d ms and writes back %d ms "
                        + "after the restart%n",
                acknowledged.size(), CASES, answers, cases, (restarted - stopped) / 1e9, readBackMs, writeBackMs);
    }

    private static int count(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "postgres", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
