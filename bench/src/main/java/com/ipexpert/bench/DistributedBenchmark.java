package com.ipexpert.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The same load on the embedded jar and on the distributed stack (one command side, one query side, Axon Server,
 * the gateway in front), each on a fresh PostgreSQL database: cases acknowledged per second at {@code clients}
 * clients, projection lag (acknowledged → {@code GET /cases/{id}} answers, polled every 5 ms) p50/p99, and the
 * cost of each hop, measured one request at a time: the gateway ({@code GET /auth/me} through it against straight to
 * the command side) and Axon Server's routing of a query ({@code GET /cases/{id}} on the query side, whose query
 * goes through Axon Server, against the embedded jar's local query bus).
 *
 * <pre>
 * java -cp 'bench/target/classes:bench/target/lib/*' com.ipexpert.bench.DistributedBenchmark \
 *   axonserver=127.0.0.1:8124 token=... cases=400 clients=8 [server=jdbc:postgresql://127.0.0.1:5432/]
 * </pre>
 * Run from the repository root after {@code mvn -B -q -DskipTests package}; Axon Server should hold no events of
 * earlier runs (a fresh read model would replay them).
 */
public final class DistributedBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "ZGlzdHJpYnV0ZWQtYmVuY2htYXJrLWtleS0wOWE4YjdjNmQ1ZTQ";
    private static final String ADMIN_PASSWORD = "bench-admin-123";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DistributedBenchmark() {
    }

    /** One stack's figures: {@code cases} of {@code attempted} acknowledged, the others counted by how they were answered. */
    record Figures(String name, int attempted, int cases, double seconds, List<Double> lagMs, Map<String, Integer> refusals,
                   Map<String, Double> hopsMs) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        int cases = Integer.parseInt(opts.getOrDefault("cases", "400"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "8"));
        int probes = Integer.parseInt(opts.getOrDefault("probes", "200"));
        List<Figures> all = new ArrayList<>();

        BenchDatabase embeddedDb = BenchDatabase.fresh(opts, "ipexpert_bench_embedded");
        try (Proc embedded = Proc.start("embedded", Path.of("standalone/target/ip-expert.jar"), common(embeddedDb), List.of())) {
            embedded.awaitReady();
            String token = login(embedded.url());
            String probeCase = openCase(embedded.url(), token, "probe").require();
            awaitVisible(embedded.url(), token, probeCase);
            Map<String, Double> hops = new HashMap<>();
            hops.put("GET /cases/{id}, local query bus", median(embedded.url(), token, "/api/v1/cases/" + probeCase, probes));
            hops.put("GET /auth/me, straight", median(embedded.url(), token, "/api/v1/auth/me", probes));
            all.add(load("embedded jar", embedded.url(), token, cases, clients, hops));
        }

        String axonServer = opts.get("axonserver");
        if (axonServer == null) {
            System.out.println("axonserver=host:port not given: the distributed half is skipped");
        } else {
            BenchDatabase db = BenchDatabase.fresh(opts, "ipexpert_bench_distributed");
            Map<String, String> env = common(db);
            env.put("AXON_AXONSERVER_ENABLED", "true");
            env.put("AXON_AXONSERVER_SERVERS", axonServer);
            env.put("AXON_AXONSERVER_TOKEN", opts.getOrDefault("token", ""));
            env.put("IPEXPERT_KNOWLEDGE_FILE_STORE", "database");
            try (Proc query = Proc.start("query-side", jar("query-side"), env, List.of());
                 Proc command = Proc.start("command-side", jar("command-side"), env, List.of())) {
                query.awaitReady();
                command.awaitReady();
                Map<String, String> gatewayEnv = new HashMap<>();
                gatewayEnv.put("IPEXPERT_GATEWAY_COMMAND_SIDE", command.url());
                gatewayEnv.put("IPEXPERT_GATEWAY_QUERY_SIDE", query.url());
                try (Proc gateway = Proc.start("gateway", jar("gateway"), gatewayEnv, List.of())) {
                    gateway.awaitReady();
                    String token = login(gateway.url());
                    String probeCase = openCase(gateway.url(), token, "probe").require();
                    awaitVisible(gateway.url(), token, probeCase);
                    Map<String, Double> hops = new HashMap<>();
                    hops.put("GET /cases/{id}, query via Axon Server", median(query.url(), token, "/api/v1/cases/" + probeCase, probes));
                    hops.put("GET /cases/{id}, through the gateway", median(gateway.url(), token, "/api/v1/cases/" + probeCase, probes));
                    hops.put("GET /auth/me, straight", median(command.url(), token, "/api/v1/auth/me", probes));
                    hops.put("GET /auth/me, through the gateway", median(gateway.url(), token, "/api/v1/auth/me", probes));
                    all.add(load("distributed (gateway, Axon Server)", gateway.url(), token, cases, clients, hops));
                }
            }
        }

        System.out.printf("%n%-38s %8s %8s %10s %10s %10s%n", "stack", "cases", "refused", "cases/s", "lag p50", "lag p99");
        for (Figures f : all) {
            System.out.printf("%-38s %8d %8d %10.1f %8.0f ms %8.0f ms%n", f.name(), f.cases(), f.attempted() - f.cases(),
                    f.cases() / f.seconds(), BenchArgs.percentile(f.lagMs(), 50), BenchArgs.percentile(f.lagMs(), 99));
        }
        for (Figures f : all) {
            f.refusals().forEach((answer, count) -> System.out.printf("  %-38s refused %d× %s%n", f.name(), count, answer));
        }
        for (Figures f : all) {
            f.hopsMs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> System.out.printf("  %-38s %-45s p50 %.2f ms%n", f.name(), e.getKey(), e.getValue()));
        }
    }

    private static Map<String, String> common(BenchDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", db.url());
        env.put("SPRING_DATASOURCE_USERNAME", db.user());
        env.put("SPRING_DATASOURCE_PASSWORD", db.password());
        env.put("IPEXPERT_JWT_SECRET", SECRET);
        env.put("IPEXPERT_AUDIT_CHAIN_KEY", "Y2hhaW4ta2V5LWJlbmNobWFyay04YzJmNWExZTdkM2I=");
        env.put("IPEXPERT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // one administrator opens every case: the per-user limit on case openings (60 a minute) would refuse the rest
        env.put("IPEXPERT_RATELIMITS_ENABLED", "false");
        return env;
    }

    private static Path jar(String module) throws IOException {
        try (var files = Files.list(Path.of(module, "target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-app.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build " + module + " first"));
        }
    }

    /**
     * {@code cases} cases opened by {@code clients} clients; each acknowledged case is watched until it is readable.
     * A refused opening is counted by its answer (status, or no answer), never in the rate.
     */
    static Figures load(String name, String url, String token, int cases, int clients, Map<String, Double> hops)
            throws Exception {
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        ExecutorService watchers = Executors.newFixedThreadPool(clients);
        long begin = System.nanoTime();
        List<Long> ackEnds = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            workers.submit(() -> {
                while (next.getAndIncrement() < cases) {
                    Opening opened = openCase(url, token, "BGP session flaps every 3 minutes " + next.get());
                    if (!opened.acknowledged()) {
                        refusals.merge(opened.refusal(), 1, Integer::sum);
                        continue;
                    }
                    acknowledged.incrementAndGet();
                    ackEnds.add(System.nanoTime());
                    watchers.submit(() -> {
                        awaitVisible(url, token, opened.caseId());
                        lags.add((System.nanoTime() - opened.answeredAt()) / 1e6);
                        return null;
                    });
                }
                return null;
            });
        }
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = ackEnds.isEmpty() ? Double.NaN : (Collections.max(ackEnds) - begin) / 1e9;
        watchers.shutdown();
        watchers.awaitTermination(30, TimeUnit.MINUTES);
        return new Figures(name, cases, acknowledged.get(), seconds, lags, new TreeMap<>(refusals), hops);
    }

    /** How a case opening was answered: the case and when, or the status it was refused with (0: no answer). */
    private record Opening(String caseId, long answeredAt, int status, String error) {
        boolean acknowledged() {
            return status == 200 && caseId != null;
        }

        String refusal() {
            return status == 0 ? "no answer (" + error + ")" : status + (error == null ? "" : " " + error);
        }

        String require() {
            if (!acknowledged()) throw new IllegalStateException("a case opening was refused: " + refusal());
            return caseId;
        }
    }

    private static Opening openCase(String url, String token, String query) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/cases"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "attachments", List.of()))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long at = System.nanoTime();
            JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
            if (response.statusCode() == 200 && body != null && body.hasNonNull("caseId")) {
                return new Opening(body.get("caseId").asText(), at, 200, null);
            }
            String type = body == null ? null : body.path("error").path("type").asText(null);
            return new Opening(null, at, response.statusCode(), type);
        } catch (IOException e) {
            return new Opening(null, System.nanoTime(), 0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Opening(null, System.nanoTime(), 0, "interrupted");
        }
    }

    private static void awaitVisible(String url, String token, String caseId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (get(url, token, "/api/v1/cases/" + caseId).statusCode() == 200) return;
            Thread.sleep(5);
        }
        throw new IllegalStateException("case " + caseId + " never became readable");
    }

    private static double median(String url, String token, String path, int probes) throws Exception {
        for (int i = 0; i < 20; i++) get(url, token, path); // warm up
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = get(url, token, path);
            times.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return BenchArgs.percentile(times, 50);
    }

    private static HttpResponse<String> get(String url, String token, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String login(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        return body.get("access_token").asText();
    }

    /** One process of the stack, from its jar, on a free loopback port. */
    private static final class Proc implements AutoCloseable {
        private final Process process;
        private final int port;
        private final Path log;
        private final String name;

        private Proc(String name, Process process, int port, Path log) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.log = log;
        }

        static Proc start(String name, Path jar, Map<String, String> env, List<String> args) throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("ipexpert-bench-" + name + "-", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                    "--ipexpert.data-dir=" + Files.createTempDirectory("ipexpert-bench-" + name)));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return new Proc(name, builder.start(), port, log);
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        void awaitReady() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new IllegalStateException(name + " exited; see " + log);
                try {
                    if (HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
                } catch (IOException notYet) {
                    // starting
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException(name + " did not become ready; see " + log);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
