package com.ipexpert.bench;

import com.ipexpert.api.cases.CaseCommands.GiveFeedback;
import com.ipexpert.api.cases.CaseCommands.OpenCase;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.FeedbackOutcome;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.api.identity.Requester;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Analysts and auditors on PostgreSQL: replay rate of the case-graph and statistics projections, {@code GET
 * /statistics} latency over the stored cases, and history, time travel and verify for a case of about 200 events.
 *
 * <p>Arguments (optional): {@code cases=20000 requests=300 server=jdbc:postgresql://127.0.0.1:5432/ user=postgres password=}.
 */
public class AnalyticsBenchmark {
    private static final Requester USER = new Requester("bench-user", Set.of(Requester.USER));
    private static final String[] QUERIES = {"OSPF邻居状态卡在ExStart", "BGP session flaps every 3 minutes",
            "华为S5700 VLAN 10 用户获取不到DHCP地址", "Cisco ASR IS-IS adjacency stuck in INIT", "MPLS LDP session down on NE40E"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        int cases = Integer.parseInt(opts.getOrDefault("cases", "20000"));
        int requests = Integer.parseInt(opts.getOrDefault("requests", "300"));
        BenchDatabase db = BenchDatabase.fresh(opts, "ipexpert_analytics");
        System.setProperty("axon.update-check.disabled", "true");
        ConfigurableApplicationContext context = new SpringApplication(CommandPathBenchmark.App.class).run(db.springArguments(
                "--server.port=0", "--spring.jmx.enabled=false",
                "--ipexpert.data-dir=" + java.nio.file.Files.createTempDirectory("ipexpert-analytics"),
                "--ipexpert.security.admin-password=bench-admin-123", "--logging.level.root=warn",
                "--ipexpert.rate-limits.enabled=false"));
        try {
            CommandGateway commands = context.getBean(CommandGateway.class);
            EventStore store = context.getBean(EventStore.class);
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);

            long t0 = System.nanoTime();
            openCases(commands, cases);
            System.out.printf("stored %,d cases (%,d events) in %.1f s with the event processors paused%n", cases,
                    store.createHeadToken().position().orElse(0), (System.nanoTime() - t0) / 1e9);

            long head = store.createHeadToken().position().orElse(0);
            // the raw limit of a replay on this database: reading the stored events alone, in order, in one query
            long r0 = System.nanoTime();
            long read = rawRead(db);
            double rawSeconds = (System.nanoTime() - r0) / 1e9;
            System.out.printf("raw read of the %,d stored events (one query, in order, payloads fetched): %.1f s = %,.0f events/s%n",
                    read, rawSeconds, read / rawSeconds);
            for (String name : List.of("case-graph", "statistics")) {
                StreamingEventProcessor processor = (StreamingEventProcessor) processing.eventProcessor(name).orElseThrow();
                long start = System.nanoTime();
                processor.start();
                while (position(processor) < head) Thread.sleep(20);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("replay of %s over %,d events: %.1f s = %,.0f events/s%n", name, head, seconds, head / seconds);
            }

            // GET /statistics also reads the coverage projection: it must run, or each read waits for it in vain
            processing.eventProcessor("knowledge-coverage").ifPresent(EventProcessor::start);
            Http http = new Http(port);
            List<Double> stats = new ArrayList<>();
            for (int i = 0; i < requests; i++) stats.add(http.time("/api/v1/statistics?timeRange=90d"));
            System.out.printf("GET /statistics?timeRange=90d over %,d cases: p50 %.1f ms p99 %.1f ms%n", cases,
                    BenchArgs.percentile(stats, 50), BenchArgs.percentile(stats, 99));

            CaseId busy = CaseId.random();
            commands.sendAndWait(new OpenCase(busy, USER, QUERIES[0], List.of(), NodeId.random(), NodeId.random(),
                    RetrievalSettings.defaults(), Instant.now()));
            for (int i = 0; i < 196; i++) {
                commands.sendAndWait(new GiveFeedback(busy, USER, "f" + i, FeedbackOutcome.UNSOLVED, "still flapping " + i,
                        null, Instant.now()));
            }
            processing.eventProcessor("case-graph").ifPresent(EventProcessor::start);
            Thread.sleep(2_000);
            String at = Instant.now().minusMillis(1_500).toString();
            for (String[] call : new String[][]{{"history", "/api/v1/audit/cases/" + busy + "/events"},
                    {"time travel", "/api/v1/audit/cases/" + busy + "?at=" + at},
                    {"verify", "/api/v1/audit/cases/" + busy + "/verify"}}) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < requests; i++) times.add(http.time(call[1]));
                System.out.printf("%s of a case of 200 events: p50 %.1f ms p99 %.1f ms%n", call[0],
                        BenchArgs.percentile(times, 50), BenchArgs.percentile(times, 99));
            }
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static long rawRead(BenchDatabase db) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password())) {
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement select = c.prepareStatement(
                    "select global_index, payload_type, payload, meta_data from domain_event_entry order by global_index")) {
                select.setFetchSize(1_000);
                long rows = 0;
                long bytes = 0;
                try (java.sql.ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        byte[] payload = rs.getBytes(3);
                        bytes += payload == null ? 0 : payload.length;
                    }
                }
                return bytes >= 0 ? rows : 0;
            }
        }
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
    }

    private static void openCases(CommandGateway commands, int cases) throws Exception {
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                long i;
                while ((i = next.getAndIncrement()) < cases) {
                    commands.sendAndWait(new OpenCase(CaseId.random(), USER, QUERIES[(int) (i % QUERIES.length)], List.of(),
                            NodeId.random(), NodeId.random(), RetrievalSettings.defaults(), Instant.now()));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
    }

    /** Timed GETs as the admin. */
    private static final class Http {
        private final HttpClient client = HttpClient.newHttpClient();
        private final String base;
        private final String token;

        Http(int port) throws Exception {
            base = "http://127.0.0.1:" + port;
            String login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"bench-admin-123\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            token = login.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        }

        double time(String path) throws Exception {
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            return ms;
        }
    }
}
