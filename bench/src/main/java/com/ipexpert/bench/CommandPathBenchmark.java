package com.ipexpert.bench;

import com.ipexpert.api.cases.CaseCommands.AnswerClarification;
import com.ipexpert.api.cases.CaseCommands.OpenCase;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CaseQueries.FindSimilarCases;
import com.ipexpert.api.cases.CaseViews.SimilarCases;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.api.identity.Requester;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The command path on PostgreSQL: raw single-row event-sized insert commits per second next to commands per second
 * (opening cases, answering clarifications) at 1 and 8 clients, the projection lag under that load, the time from
 * opening a case to its node's final status, and {@code GET /cases/{caseId}} latency with 50 concurrent clients.
 *
 * <p>Arguments (all optional): {@code seconds=10 server=jdbc:postgresql://127.0.0.1:5432/ user=postgres password=}.
 * {@code lag-only=true clients=4 sample-every=2} measures the projection lag alone, at one number of clients, on a
 * fresh process (no warm-up phases before it), watching every second case instead of every tenth; {@code warmup=10}
 * first puts the same load on it for that many seconds, unmeasured. The lag probe asks for every watched case in one
 * query per round (each round about a millisecond apart). {@code alone-only=true} measures the command path alone (1
 * and 8 clients, processors paused) and stops.
 */
public class CommandPathBenchmark {

    @SpringBootApplication(scanBasePackages = {"com.ipexpert.command", "com.ipexpert.query", "com.ipexpert.edge"})
    public static class App {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "10"));
        String server = opts.getOrDefault("server", "jdbc:postgresql://127.0.0.1:5432/");
        String user = opts.getOrDefault("user", "postgres");
        String password = opts.getOrDefault("password", "");
        String db = opts.getOrDefault("db-prefix", "") + "ipexpert_bench_" + Long.toHexString(System.currentTimeMillis());
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password); Statement s = c.createStatement()) {
            s.execute("create database " + db);
            s.execute("create database " + db + "_raw");
        }
        String url = server + db;
        System.out.printf("IP Expert command-path benchmark on %s, %d s per measurement, %d cores%n", url, seconds,
                Runtime.getRuntime().availableProcessors());

        double raw1 = rawInserts(url + "_raw", user, password, 1, seconds);
        double raw8 = rawInserts(url + "_raw", user, password, 8, seconds);
        System.out.printf("raw PostgreSQL single-row event inserts: %,.0f commits/s (1 client), %,.0f commits/s (8 clients)%n", raw1, raw8);

        System.setProperty("axon.update-check.disabled", "true");
        SpringApplication app = new SpringApplication(App.class);
        ConfigurableApplicationContext context = app.run("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--server.port=0", "--ipexpert.data-dir=" + java.nio.file.Files.createTempDirectory("ipexpert-bench"),
                "--ipexpert.security.admin-password=bench-admin-123", "--logging.level.root=warn",
                "--spring.jmx.enabled=false", "--ipexpert.rate-limits.enabled=false");
        try {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();

            // The command path alone: event processors (agent saga, projections) paused, so only commands run.
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            // A tracking processor shut down before its launcher has claimed its segment may never claim it again
            // after start(): let every one claim first.
            awaitClaimed(processing);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            boolean lagOnly = Boolean.parseBoolean(opts.getOrDefault("lag-only", "false"));
            for (int clients : lagOnly ? new int[0] : new int[]{1, 8}) {
                long commitsBefore = commits(jdbc);
                Result alone = openCases(commands, clients, seconds, new LagProbe(jdbc, false, 10));
                Thread.sleep(1_500); // PostgreSQL publishes a backend's counts within a second
                long commits = commits(jdbc) - commitsBefore;
                System.out.printf("open case, command path alone (processors paused): %,.0f commands/s with %d client(s) = %.0f%% of raw; p50 %.1f ms p99 %.1f ms; %.2f database transactions per command%n",
                        alone.perSecond(), clients, 100 * alone.perSecond() / (clients == 1 ? raw1 : raw8),
                        alone.percentile(50), alone.percentile(99), commits / (double) alone.count());
            }
            if (Boolean.parseBoolean(opts.getOrDefault("alone-only", "false"))) {
                context.close();
                System.exit(0);
            }
            long caughtUpFrom = System.nanoTime();
            processing.eventProcessors().values().forEach(EventProcessor::start);
            awaitClaimed(processing);
            awaitCaughtUp(jdbc);
            System.out.printf("processors caught up with the paused backlog in %.1f s%n", (System.nanoTime() - caughtUpFrom) / 1e9);
            if (!lagOnly) similarCases(context.getBean(QueryGateway.class), jdbc);

            com.ipexpert.edge.messaging.QuietTokenStore tokens = context.getBean(com.ipexpert.edge.messaging.QuietTokenStore.class);
            int warmup = Integer.parseInt(opts.getOrDefault("warmup", "0"));
            if (warmup > 0) {
                // the same load, unmeasured, so the measured seconds see compiled code and a queue that has already formed
                Result warm = openCases(commands, Integer.parseInt(opts.getOrDefault("clients", "4")), warmup, new LagProbe(jdbc, false, 10));
                System.out.printf("warm-up: %,d cases opened in %d s%n", warm.count(), warmup);
            }
            for (int clients : lagOnly ? new int[]{Integer.parseInt(opts.getOrDefault("clients", "4"))} : new int[]{1, 4, 8}) {
                LagProbe lag = new LagProbe(jdbc, true, Integer.parseInt(opts.getOrDefault("sample-every", "10")));
                long writesBefore = tokens.written();
                long skippedBefore = tokens.skipped();
                Result open = openCases(commands, clients, seconds, lag);
                System.out.printf("token-store writes per command: %.2f (%.2f more kept in memory by processors that handled nothing)%n",
                        (tokens.written() - writesBefore) / (double) open.count(), (tokens.skipped() - skippedBefore) / (double) open.count());
                System.out.printf("open case (1 command → 4 events, plus the agent's work behind it): %,.0f commands/s with %d client(s) = %.0f%% of raw; p50 %.1f ms p99 %.1f ms%n",
                        open.perSecond(), clients, 100 * open.perSecond() / (clients == 1 ? raw1 : raw8),
                        open.percentile(50), open.percentile(99));
                lag.finish();
                System.out.printf("projection lag (command acknowledged → case visible in the read model): p50 %.1f ms p99 %.1f ms (%d samples)%n",
                        lag.percentile(50), lag.percentile(99), lag.samples.size());
            }

            if (lagOnly) {
                context.close();
                System.exit(0);
            }
            // one queue for both runs: a case answered by the first is not answered again by the second
            ConcurrentLinkedQueue<String[]> awaiting = new ConcurrentLinkedQueue<>(awaitingCases(jdbc, commands, 4_000));
            for (int clients : new int[]{1, 8}) {
                int before = awaiting.size();
                Result answer = answer(commands, awaiting, clients, seconds);
                if (awaiting.isEmpty()) System.out.printf("(all %d awaiting cases answered before the %d s were up)%n", before, seconds);
                System.out.printf("answer clarification (1 command → 4 events): %,.0f commands/s with %d client(s); p50 %.1f ms p99 %.1f ms%n",
                        answer.perSecond(), clients, answer.percentile(50), answer.percentile(99));
            }

            Result toFinal = openToFinal(commands, jdbc, 50);
            System.out.printf("POST /cases → analysis node final (offline analyst): p50 %.1f ms p99 %.1f ms%n",
                    toFinal.percentile(50), toFinal.percentile(99));

            awaitCaughtUp(jdbc);
            Result waits = readWaits(context.getBean(com.ipexpert.edge.messaging.ReadYourWrites.class), 2_000);
            System.out.printf("read-your-writes check of a caught-up projection (event store head + position): p50 %.3f ms p99 %.3f ms%n",
                    waits.percentile(50), waits.percentile(99));

            Result reads = readGraphs(port, jdbc, 50, seconds);
            System.out.printf("GET /cases/{caseId} with 50 concurrent clients: %,.0f requests/s, p50 %.1f ms p99 %.1f ms%n",
                    reads.perSecond(), reads.percentile(50), reads.percentile(99));
        } finally {
            context.close();
        }
        System.exit(0); // the HTTP client's and the load generators' threads must not keep the JVM alive
    }

    /** Transactions committed in this database so far (PostgreSQL's statistics; background pollers included). */
    static long commits(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()", Long.class);
        return n == null ? 0 : n;
    }

    /** Commits of one event-sized row each (1 KB payload), the ceiling of any event store on this database. */
    static double rawInserts(String url, String user, String password, int clients, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create table if not exists raw_event (id bigserial primary key, aggregate_identifier varchar(255), "
                    + "sequence_number bigint, payload bytea, meta_data bytea, time_stamp varchar(255), unique (aggregate_identifier, sequence_number))");
        }
        byte[] payload = new byte[1024];
        ThreadLocalRandom.current().nextBytes(payload);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                     PreparedStatement insert = c.prepareStatement(
                             "insert into raw_event (aggregate_identifier, sequence_number, payload, meta_data, time_stamp) values (?, 0, ?, ?, ?)")) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        insert.setString(1, java.util.UUID.randomUUID().toString());
                        insert.setBytes(2, payload);
                        insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
                        insert.setString(4, Instant.now().toString());
                        insert.executeUpdate();
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        return done.get() / (double) seconds;
    }

    record Result(long count, double seconds, List<Double> latenciesMs) {
        double perSecond() {
            return count / seconds;
        }

        double percentile(double p) {
            return BenchArgs.percentile(latenciesMs, p);
        }
    }

    static final Requester BENCH_USER = new Requester("bench-user", Set.of(Requester.USER));
    static final String[] QUERIES = {"OSPF邻居状态卡在ExStart", "BGP session flaps every 3 minutes",
            "华为S5700 VLAN 10 用户获取不到DHCP地址", "Cisco ASR IS-IS adjacency stuck in INIT"};

    static Result openCases(CommandGateway commands, int clients, int seconds, LagProbe lag) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    CaseId caseId = CaseId.random();
                    long t0 = System.nanoTime();
                    commands.sendAndWait(new OpenCase(caseId, BENCH_USER, QUERIES[(int) (done.get() % QUERIES.length)],
                            List.of(), NodeId.random(), NodeId.random(), RetrievalSettings.defaults(), Instant.now()));
                    long t1 = System.nanoTime();
                    latencies.add((t1 - t0) / 1e6);
                    if (done.incrementAndGet() % lag.every == 0) lag.watch(caseId.value(), t1);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        return new Result(done.get(), seconds, latencies);
    }

    /**
     * What looking up similar cases costs an analysis step, over the cases opened so far: as a step asks (solved or
     * approved cases only) and as it asked before (every case with a solution), with none of them solved, then with
     * every second one marked solved in the read model (put back after).
     */
    static void similarCases(QueryGateway queries, JdbcTemplate jdbc) {
        Integer withSolution = jdbc.queryForObject("select count(*) from similar_case where solution_answer is not null", Integer.class);
        for (boolean halfSolved : new boolean[]{false, true}) {
            if (halfSolved) jdbc.update("update similar_case set solved = true, resolved = true where mod(abs(hashtext(case_id)), 2) = 0");
            Integer resolved = jdbc.queryForObject("select count(*) from similar_case where resolved", Integer.class);
            for (boolean resolvedOnly : new boolean[]{true, false}) {
                List<Double> latencies = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    FindSimilarCases find = new FindSimilarCases(CaseId.random(), BENCH_USER, QUERIES[i % QUERIES.length],
                            "OSPF", "Huawei", 3, resolvedOnly);
                    long t0 = System.nanoTime();
                    queries.query(find, ResponseTypes.optionalInstanceOf(SimilarCases.class)).join();
                    if (i >= 100) latencies.add((System.nanoTime() - t0) / 1e6); // the first 100 warm up
                }
                System.out.printf("similar cases for a step (%,d cases with a solution, %,d solved): %s: p50 %.1f ms p99 %.1f ms%n",
                        withSolution, resolved, resolvedOnly ? "solved or approved only (as now)" : "every case with a solution (as before)",
                        BenchArgs.percentile(latencies, 50), BenchArgs.percentile(latencies, 99));
            }
            if (halfSolved) jdbc.update("update similar_case set solved = false, resolved = approved");
        }
    }

    /** Waits (at most a minute) until every streaming processor has claimed its segments. */
    static void awaitClaimed(EventProcessingConfiguration processing) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && processing.eventProcessors().values().stream()
                .filter(p -> p instanceof org.axonframework.eventhandling.StreamingEventProcessor)
                .anyMatch(p -> ((org.axonframework.eventhandling.StreamingEventProcessor) p).processingStatus().isEmpty())) {
            Thread.sleep(100);
        }
    }

    /** Waits until every analysis node has ended (the agent and the projections have worked through the backlog). */
    static void awaitCaughtUp(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline) {
            Integer opened = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%CaseOpened'", Integer.class);
            Integer seen = jdbc.queryForObject("select count(*) from case_view", Integer.class);
            Integer running = jdbc.queryForObject("select count(*) from case_node where status = 'PROCESSING'", Integer.class);
            if (opened != null && opened.equals(seen) && running != null && running == 0) return;
            Thread.sleep(200);
        }
    }

    /** Cases whose first analysis awaits the user: {caseId, nodeId}. */
    static List<String[]> awaitingCases(JdbcTemplate jdbc, CommandGateway commands, int wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        List<String[]> found;
        do {
            found = jdbc.query("select case_id, node_id from case_node where type = 'AI_CLARIFICATION' and status = 'AWAITING_USER_INPUT' limit ?",
                    (rs, n) -> new String[]{rs.getString(1), rs.getString(2)}, wanted);
            if (found.size() >= wanted) break;
            Thread.sleep(500);
        } while (System.currentTimeMillis() < deadline);
        // The read model may be ahead of the case: keep only those the case has recorded as awaiting.
        return found;
    }

    static Result answer(CommandGateway commands, ConcurrentLinkedQueue<String[]> queue, int clients, int seconds) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                String[] next;
                while (System.nanoTime() < end && (next = queue.poll()) != null) {
                    long t0 = System.nanoTime();
                    try {
                        commands.sendAndWait(new AnswerClarification(CaseId.of(next[0]), BENCH_USER, NodeId.of(next[1]),
                                NodeId.random(), NodeId.random(), Map.of("text", "华为 NE40E，MTU 1500/9000，已检查认证"),
                                RetrievalSettings.defaults(), Instant.now()));
                        latencies.add((System.nanoTime() - t0) / 1e6);
                        done.incrementAndGet();
                    } catch (RuntimeException refused) {
                        // the case had not recorded the outcome yet; skip it
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        double elapsed = Math.min(seconds, (System.nanoTime() - start) / 1e9);
        return new Result(done.get(), elapsed, latencies);
    }

    static Result openToFinal(CommandGateway commands, JdbcTemplate jdbc, int cases) throws InterruptedException {
        List<Double> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            CaseId caseId = CaseId.random();
            NodeId analysis = NodeId.random();
            long t0 = System.nanoTime();
            commands.sendAndWait(new OpenCase(caseId, BENCH_USER, QUERIES[i % QUERIES.length], List.of(), NodeId.random(),
                    analysis, RetrievalSettings.defaults(), Instant.now()));
            while (true) {
                List<String> status = jdbc.queryForList("select status from case_node where node_id = ?", String.class, analysis.value());
                if (!status.isEmpty() && !"PROCESSING".equals(status.get(0))) break;
                Thread.sleep(2);
            }
            latencies.add((System.nanoTime() - t0) / 1e6);
        }
        return new Result(cases, (System.nanoTime() - start) / 1e9, latencies);
    }

    /** What waiting for the case-graph projection costs a read when the projection is already there. */
    static Result readWaits(com.ipexpert.edge.messaging.ReadYourWrites readYourWrites, int times) {
        List<Double> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            readYourWrites.awaitCurrent("case-graph");
            latencies.add((System.nanoTime() - t0) / 1e6);
        }
        return new Result(times, (System.nanoTime() - start) / 1e9, latencies);
    }

    static Result readGraphs(int port, JdbcTemplate jdbc, int clients, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
        String token = ReadBenchmark.login(http, port);
        List<String> caseIds = jdbc.queryForList("select case_id from case_view order by updated_at desc limit 500", String.class);
        ReadBenchmark.Result reads = ReadBenchmark.load(http, () -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + port + "/api/v1/cases/" + caseIds.get(ThreadLocalRandom.current().nextInt(caseIds.size()))))
                .header("Authorization", "Bearer " + token).GET().build(), clients, seconds);
        if (reads.failed() > 0) System.out.printf("  (%d reads did not answer 200)%n", reads.failed());
        return new Result(reads.ok(), seconds, reads.latenciesMs());
    }

    /** Watches sampled cases until their row appears in the case read model. */
    static final class LagProbe {
        private final JdbcTemplate jdbc;
        private final Map<String, Long> pending = new java.util.concurrent.ConcurrentHashMap<>();
        final List<Double> samples = Collections.synchronizedList(new ArrayList<>());
        private final Thread poller;
        private volatile boolean running = true;

        private final boolean active;

        /** Every how many acknowledged cases one is watched. */
        final int every;

        LagProbe(JdbcTemplate jdbc, boolean active, int every) {
            this.jdbc = jdbc;
            this.active = active;
            this.every = every;
            this.poller = new Thread(this::poll, "lag-probe");
            poller.setDaemon(true);
            if (active) poller.start();
        }

        void watch(String caseId, long acknowledgedNanos) {
            if (active) pending.put(caseId, acknowledgedNanos);
        }

        /** Asks for every watched case in one query per round, so the probe's own round trip is the resolution. */
        private void poll() {
            while (running || !pending.isEmpty()) {
                List<String> watched = List.copyOf(pending.keySet());
                if (!watched.isEmpty()) {
                    List<String> visible = jdbc.queryForList("select case_id from case_view where case_id in ("
                            + String.join(",", Collections.nCopies(watched.size(), "?")) + ")", String.class, watched.toArray());
                    long now = System.nanoTime();
                    for (String caseId : visible) {
                        Long acknowledged = pending.remove(caseId);
                        if (acknowledged != null) samples.add((now - acknowledged) / 1e6);
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() throws InterruptedException {
            running = false;
            poller.join(60_000);
        }

        double percentile(double p) {
            return BenchArgs.percentile(samples, p);
        }
    }
}
