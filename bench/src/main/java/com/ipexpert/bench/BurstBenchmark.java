package com.ipexpert.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An alarm storm: {@code cases} cases opened over HTTP by {@code clients} clients at once, on PostgreSQL with the agent
 * and every projection running. Prints how fast they were acknowledged, how deep the analysis queue got, how long the
 * analyses took to drain, and checks that every acknowledged case is listed, analysed once and counted once.
 *
 * <p>With {@code restart=true} the application runs on a PostgreSQL server of the benchmark's own ({@link PrivatePostgres},
 * the shared server is never touched), which is stopped once a third of the burst is acknowledged ({@code restartAt})
 * and started again {@code down} seconds later: requests that meet the outage must answer 503 (anything else fails the
 * check), the application must recover by itself, and nothing acknowledged may be lost. It prints the 503s, how long
 * after the restart reads and writes were answered again, and raw single-row commits on the same server.
 *
 * <p>Arguments (all optional): {@code cases=1000 clients=32 restart=false restartAt=0.33 down=3 pgPort=0
 * server=jdbc:postgresql://127.0.0.1:5432/ user=postgres password=}. Exits 1 when a check fails.
 */
public class BurstBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        int cases = Integer.parseInt(opts.getOrDefault("cases", "1000"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "32"));
        boolean restart = Boolean.parseBoolean(opts.getOrDefault("restart", "false"));
        double restartAt = Double.parseDouble(opts.getOrDefault("restartAt", "0.33"));
        long downMs = (long) (Double.parseDouble(opts.getOrDefault("down", "3")) * 1000);
        PrivatePostgres pg = null;
        String[] datasource;
        String dbUrl;
        if (restart) {
            if (PrivatePostgres.unavailableBecause().isPresent()) {
                System.out.println("restart=true needs a PostgreSQL server of its own: " + PrivatePostgres.unavailableBecause().get());
                System.exit(2);
            }
            pg = PrivatePostgres.start("burst", Integer.parseInt(opts.getOrDefault("pgPort", "0")));
            dbUrl = pg.createDatabase("faults_burst");
            double raw1 = CommandPathBenchmark.rawInserts(pg.createDatabase("faults_burst_raw"), "postgres", "", 1, 3);
            double rawN = CommandPathBenchmark.rawInserts(pg.serverUrl() + "faults_burst_raw", "postgres", "", 8, 3);
            System.out.printf("raw PostgreSQL single-row commits on the benchmark's server: %,.0f/s (1 client), %,.0f/s (8 clients)%n",
                    raw1, rawN);
            datasource = new String[]{"--spring.datasource.url=" + dbUrl, "--spring.datasource.username=postgres",
                    "--spring.datasource.password="};
        } else {
            BenchDatabase db = BenchDatabase.fresh(opts, "ipexpert_burst");
            dbUrl = db.url();
            datasource = db.springArguments();
        }
        List<String> arguments = new ArrayList<>(List.of(datasource));
        arguments.addAll(List.of(
                "--server.port=0", "--ipexpert.data-dir=" + java.nio.file.Files.createTempDirectory("ipexpert-burst"),
                "--ipexpert.security.admin-password=bench-admin-123", "--logging.level.root=warn", "--spring.jmx.enabled=false",
                // the storm is one user's: its openings are not rate limited here (the buckets still live in PostgreSQL)
                "--ipexpert.rate-limits.case-openings.capacity=" + Math.max(60, cases * 2),
                "--server.tomcat.threads.max=" + Math.max(50, clients * 2)));
        System.setProperty("axon.update-check.disabled", "true");
        ConfigurableApplicationContext context = new SpringApplication(CommandPathBenchmark.App.class)
                .run(arguments.toArray(String[]::new));
        boolean passed = true;
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            String base = "http://127.0.0.1:" + port + "/api/v1";
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
            String admin = login(http, base, "admin", "bench-admin-123");
            post(http, base + "/users", admin, Map.of("username", "storm", "email", "storm@example.com",
                    "password", "password-123", "roles", List.of("user")));
            String user = login(http, base, "storm", "password-123");

            List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
            Map<Integer, AtomicInteger> answers = new java.util.concurrent.ConcurrentSkipListMap<>();
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            java.util.concurrent.atomic.AtomicLong restartedAt = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong firstAckAfterRestart = new java.util.concurrent.atomic.AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < cases) {
                        HttpResponse<String> r = post(http, base + "/cases", user, Map.of("query",
                                "告警风暴 #" + n + "：BGP session to 10.0." + (n % 250) + ".1 flaps every 3 minutes", "attachments", List.of()));
                        answers.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.statusCode() == 200) {
                            acknowledged.add(JSON.readTree(r.body()).get("caseId").asText());
                            if (restartedAt.get() != 0) firstAckAfterRestart.compareAndSet(0, System.nanoTime());
                        } else if (r.statusCode() != 503 || !r.body().contains("SERVICE_UNAVAILABLE")
                                || r.headers().firstValue("Retry-After").isEmpty()) {
                            unexpected.add(r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            int peakQueue = 0;
            boolean restarted = !restart;
            double downSeconds = 0;
            long readBackMs = -1;
            while (futures.stream().anyMatch(f -> !f.isDone())) {
                if (!restarted && acknowledged.size() >= cases * restartAt) {
                    long stopping = System.nanoTime();
                    pg.stopServer();
                    System.out.printf("PostgreSQL stopped after %d acknowledged%n", acknowledged.size());
                    Thread.sleep(downMs);
                    pg.startServer();
                    restartedAt.set(System.nanoTime());
                    downSeconds = (restartedAt.get() - stopping) / 1e9;
                    restarted = true;
                    String known = acknowledged.get(0);
                    while (readBackMs < 0 && System.nanoTime() - restartedAt.get() < 120_000_000_000L) {
                        if (get(http, base + "/cases/" + known, user).statusCode() == 200) {
                            readBackMs = (System.nanoTime() - restartedAt.get()) / 1_000_000;
                        } else {
                            Thread.sleep(100);
                        }
                    }
                }
                peakQueue = Math.max(peakQueue, queued(http, admin, port));
                Thread.sleep(200);
            }
            for (Future<?> f : futures) f.get();
            double ackSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d cases by %d clients: %d acknowledged in %.1f s (%.0f/s); answers %s; analysis queue peaked at %d%n",
                    cases, clients, acknowledged.size(), ackSeconds, acknowledged.size() / ackSeconds, answers, peakQueue);
            if (restart) {
                long writeBackMs = firstAckAfterRestart.get() == 0 ? -1 : (firstAckAfterRestart.get() - restartedAt.get()) / 1_000_000;
                System.out.printf("PostgreSQL down %.1f s (stop, %d s, start); after the restart reads answered again in %d ms, "
                        + "the first write was acknowledged in %d ms; answers other than 200 and 503 (with Retry-After): %d %s%n",
                        downSeconds, downMs / 1000, readBackMs, writeBackMs, unexpected.size(),
                        unexpected.stream().limit(3).toList());
                passed &= unexpected.isEmpty() && readBackMs >= 0 && writeBackMs >= 0;
            }

            long drainDeadline = System.currentTimeMillis() + 900_000;
            Integer running;
            do {
                Thread.sleep(500);
                running = jdbc.queryForObject("select count(*) from case_node where status = 'PROCESSING'", Integer.class);
            } while (running != null && running > 0 && System.currentTimeMillis() < drainDeadline);
            double drained = (System.nanoTime() - t0) / 1e9;
            System.out.printf("every analysis ended %.1f s after the burst began (%.0f analyses/s); still running: %d%n",
                    drained, acknowledged.size() / drained, running);

            HttpResponse<String> list = get(http, base + "/cases", user);
            Set<String> listed = new HashSet<>();
            JSON.readTree(list.body()).forEach(c -> listed.add(c.get("caseId").asText()));
            long missing = acknowledged.stream().filter(id -> !listed.contains(id)).count();
            Integer twice = jdbc.queryForObject("""
                    select count(*) from (select aggregate_identifier from domain_event_entry
                     where payload_type like '%AnalysisConcluded' group by aggregate_identifier having count(*) > 1) t""", Integer.class);
            Integer concluded = jdbc.queryForObject("select count(distinct aggregate_identifier) from domain_event_entry "
                    + "where payload_type like '%AnalysisConcluded'", Integer.class);
            Integer failed = jdbc.queryForObject("select count(*) from case_node where status = 'FAILED'", Integer.class);
            Integer stored = jdbc.queryForObject("select count(*) from case_view", Integer.class);
            Integer timedOut = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%AnalysisAttemptFailed'",
                    Integer.class);
            Set<String> inStatistics = new HashSet<>(jdbc.queryForList("select case_id from statistics_case", String.class));
            long uncounted = acknowledged.stream().filter(id -> !inStatistics.contains(id)).count();
            HttpResponse<String> stats = get(http, base + "/statistics?timeRange=7d", admin);
            int counted = 0;
            for (JsonNode day : JSON.readTree(stats.body()).get("resolutionTrend")) counted += day.get("opened").asInt();
            System.out.printf("listed: %d of %d acknowledged (%d missing); cases stored: %d (acknowledged or not); analyses "
                            + "concluded: %d, concluded twice: %d, failed: %d, failed attempts: %d; opened in the statistics: %d "
                            + "(acknowledged missing there: %d)%n",
                    acknowledged.size() - missing, acknowledged.size(), missing, stored, concluded, twice, failed, timedOut,
                    counted, uncounted);
            passed &= missing == 0 && running != null && running == 0 && twice != null && twice == 0 && uncounted == 0
                    && stored != null && counted == stored && concluded != null && concluded >= acknowledged.size();
            System.out.println(passed ? "CHECK PASSED: every acknowledged case listed, analysed once, counted once"
                    : "CHECK FAILED");
        } finally {
            context.close();
            if (pg != null) pg.close();
        }
        System.exit(passed ? 0 : 1);
    }

    private static int queued(HttpClient http, String admin, int port) {
        try {
            HttpResponse<String> info = get(http, "http://127.0.0.1:" + port + "/actuator/info", admin);
            JsonNode queue = JSON.readTree(info.body()).path("analysisQueue").path("queued");
            return queue.asInt();
        } catch (Exception e) {
            return 0;
        }
    }

    private static String login(HttpClient http, String base, String user, String password) throws Exception {
        HttpResponse<String> r = post(http, base + "/auth/login", null, Map.of("username", user, "password", password));
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
