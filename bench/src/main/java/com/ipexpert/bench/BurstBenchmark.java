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
 * <p>Arguments (all optional): {@code cases=1000 clients=32 server=jdbc:postgresql://127.0.0.1:5432/ user=postgres password=}.
 */
public class BurstBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        int cases = Integer.parseInt(opts.getOrDefault("cases", "1000"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "32"));
        BenchDatabase db = BenchDatabase.fresh(opts, "ipexpert_burst");
        System.setProperty("axon.update-check.disabled", "true");
        ConfigurableApplicationContext context = new SpringApplication(CommandPathBenchmark.App.class).run(db.springArguments(
                "--server.port=0", "--ipexpert.data-dir=" + java.nio.file.Files.createTempDirectory("ipexpert-burst"),
                "--ipexpert.security.admin-password=bench-admin-123", "--logging.level.root=warn", "--spring.jmx.enabled=false",
                "--server.tomcat.threads.max=" + Math.max(50, clients * 2)));
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
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < cases) {
                        HttpResponse<String> r = post(http, base + "/cases", user, Map.of("query",
                                "告警风暴 #" + n + "：BGP session to 10.0." + (n % 250) + ".1 flaps every 3 minutes", "attachments", List.of()));
                        if (r.statusCode() == 200) acknowledged.add(JSON.readTree(r.body()).get("caseId").asText());
                        else refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            int peakQueue = 0;
            while (futures.stream().anyMatch(f -> !f.isDone())) {
                peakQueue = Math.max(peakQueue, queued(http, admin, port));
                Thread.sleep(200);
            }
            for (Future<?> f : futures) f.get();
            double ackSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d cases by %d clients: %d acknowledged in %.1f s (%.0f/s), %d refused; analysis queue peaked at %d%n",
                    cases, clients, acknowledged.size(), ackSeconds, acknowledged.size() / ackSeconds, refused.get(), peakQueue);

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
            HttpResponse<String> stats = get(http, base + "/statistics?timeRange=7d", admin);
            int counted = 0;
            for (JsonNode day : JSON.readTree(stats.body()).get("resolutionTrend")) counted += day.get("opened").asInt();
            System.out.printf("listed: %d of %d acknowledged (%d missing); analyses concluded: %d, concluded twice: %d; "
                            + "opened in the statistics: %d%n",
                    acknowledged.size() - missing, acknowledged.size(), missing, concluded, twice, counted);
        } finally {
            context.close();
        }
        System.exit(0);
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
