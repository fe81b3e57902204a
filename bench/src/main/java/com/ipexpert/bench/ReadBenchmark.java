package com.ipexpert.bench;

import com.ipexpert.api.cases.CaseCommands.OpenCase;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.RetrievalSettings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code GET /cases/{caseId}} with 50 concurrent clients on PostgreSQL, with nothing else running (every analysis
 * concluded), next to its raw limit measured in the same run by the same client: a bare Spring Boot web application
 * ({@link BareWebApplication}, no security, no database) writing the same JSON body. Each is warmed up first (the JIT
 * compiles the request path over the first tens of thousands of requests), then measured.
 *
 * <p>Arguments (all optional): {@code seconds=15 warmup=30 cases=200 clients=50 server=jdbc:postgresql://127.0.0.1:5432/
 * user=postgres password=}.
 */
public class ReadBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "15"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "30"));
        int cases = Integer.parseInt(opts.getOrDefault("cases", "200"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "50"));
        String server = opts.getOrDefault("server", "jdbc:postgresql://127.0.0.1:5432/");
        String user = opts.getOrDefault("user", "postgres");
        String password = opts.getOrDefault("password", "");
        String db = "ipexpert_read_" + Long.toHexString(System.currentTimeMillis());
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password); Statement s = c.createStatement()) {
            s.execute("create database " + db);
        }
        System.out.printf("IP Expert read benchmark on %s%s: %d cases, %d clients, %d s warm-up then %d s measured, %d cores%n",
                server, db, cases, clients, warmup, seconds, Runtime.getRuntime().availableProcessors());

        System.setProperty("axon.update-check.disabled", "true");
        ConfigurableApplicationContext context = new SpringApplication(CommandPathBenchmark.App.class).run(
                "--spring.datasource.url=" + server + db, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--server.port=0",
                "--ipexpert.data-dir=" + Files.createTempDirectory("ipexpert-read"),
                "--ipexpert.security.admin-password=bench-admin-123", "--logging.level.root=warn",
                "--spring.jmx.enabled=false", "--ipexpert.rate-limits.enabled=false");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
        Path body = Files.createTempFile("ipexpert-case", ".json");
        try {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            for (int i = 0; i < cases; i++) {
                commands.sendAndWait(new OpenCase(CaseId.random(), CommandPathBenchmark.BENCH_USER,
                        CommandPathBenchmark.QUERIES[i % CommandPathBenchmark.QUERIES.length] + " #" + i,
                        List.of(), NodeId.random(), NodeId.random(), RetrievalSettings.defaults(), java.time.Instant.now()));
            }
            CommandPathBenchmark.awaitCaughtUp(jdbc);
            List<String> caseIds = jdbc.queryForList("select case_id from case_view", String.class);

            String token = login(http, port);
            String first = "http://127.0.0.1:" + port + "/api/v1/cases/" + caseIds.get(0);
            HttpResponse<String> sample = http.send(HttpRequest.newBuilder(URI.create(first))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            Files.writeString(body, sample.body());
            System.out.printf("a case as GET /cases/{caseId} answers it: %d, %,d bytes, %d nodes%n", sample.statusCode(),
                    sample.body().length(), sample.body().split("\"type\"").length - 1);

            Supplier<HttpRequest> read = () -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/cases/" + caseIds.get(ThreadLocalRandom.current().nextInt(caseIds.size()))))
                    .header("Authorization", "Bearer " + token).GET().build();
            load(http, read, clients, warmup);
            Result app = load(http, read, clients, seconds);

            ConfigurableApplicationContext bare = new SpringApplication(BareWebApplication.class).run("--server.port=0",
                    "--bare.body=" + body, "--logging.level.root=warn", "--spring.jmx.enabled=false");
            try {
                int barePort = ((WebServerApplicationContext) bare).getWebServer().getPort();
                Supplier<HttpRequest> bareRead = () -> HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + barePort + "/body")).GET().build();
                load(http, bareRead, clients, warmup);
                Result raw = load(http, bareRead, clients, seconds);
                System.out.printf("raw limit, bare Spring MVC writing the same JSON (no security, no database), %d clients: %,.0f requests/s, p50 %.1f ms p99 %.1f ms%n",
                        clients, raw.perSecond(), raw.percentile(50), raw.percentile(99));
                System.out.printf("GET /cases/{caseId}, %d clients, nothing else running: %,.0f requests/s (%.0f%% of raw), p50 %.1f ms p99 %.1f ms%s%n",
                        clients, app.perSecond(), 100 * app.perSecond() / raw.perSecond(), app.percentile(50),
                        app.percentile(99), app.failed() > 0 ? " (" + app.failed() + " not 200)" : "");
            } finally {
                bare.close();
            }
        } finally {
            context.close();
            Files.deleteIfExists(body);
        }
        System.exit(0); // the HTTP client's threads must not keep the JVM alive
    }

    static String login(HttpClient http, int port) throws Exception {
        String login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"bench-admin-123\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return login.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    record Result(long ok, long failed, double seconds, List<Double> latenciesMs) {
        double perSecond() {
            return ok / seconds;
        }

        double percentile(double p) {
            return BenchArgs.percentile(latenciesMs, p);
        }
    }

    /** {@code clients} clients, each sending its next request when its last one is answered, for {@code seconds}. */
    static Result load(HttpClient http, Supplier<HttpRequest> request, int clients, int seconds) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> r = http.send(request.get(), HttpResponse.BodyHandlers.discarding());
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (r.statusCode() == 200) ok.incrementAndGet(); else failed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        return new Result(ok.get(), failed.get(), seconds, latencies);
    }
}
