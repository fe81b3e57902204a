package com.ipexpert.bench;

import com.ipexpert.analyst.llm.FakeChatCompletions;
import com.ipexpert.api.cases.CaseCommands.OpenCase;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptClaimed;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptStarted;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.api.identity.Requester;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The agent's own cost per step, without the model's: the application with the LLM analyst on PostgreSQL, its model
 * a real OpenAI-compatible HTTP server on loopback that streams a complete decision at once, and a knowledge base of
 * real manuals ingested through the upload endpoint. For each case it times {@code OpenCase} sent → the node's
 * {@code AnalysisConcluded} published, and takes away the model time the step recorded; it also splits the step:
 * command to attempt started (case, node, saga), retrieval, the model call, the rest (conversation, rules, report).
 *
 * <p>Arguments (all optional): {@code cases=200 warmup=30 clients=1,4 corpus=retrieval/src/test/resources/eval/corpus
 * server=jdbc:postgresql://127.0.0.1:5432/ user=postgres password=}.
 */
public class AgentStepBenchmark {
    private static final Requester BENCH_USER = new Requester("bench-user", Set.of(Requester.USER));
    private static final String[] QUERIES = {"华为 NE40E 上 OSPF 邻居一直卡在 ExStart 状态", "BGP session flaps every 3 minutes on a Cisco ASR",
            "H3C 交换机 VRRP 主备频繁切换", "Juniper MX IS-IS adjacency stays in Initializing", "VLAN 10 的用户拿不到 DHCP 地址",
            "IPsec tunnel comes up but no traffic passes, Huawei AR", "接口 CRC 错误不断增加，光模块收光 -18 dBm"};
    private static final String DECISION = "{\"decision\": \"solution\", \"category\": \"OSPF\", \"answer\": "
            + "\"两端 MTU 不一致，OSPF 邻居停在 ExStart：将两端接口 MTU 设为一致后复查邻居状态。\", \"citations\": [], "
            + "\"commands\": [\"display ospf peer\", \"display interface brief\"]}";

    /** One measured step. */
    record Step(double totalMs, double modelMs, double toAttemptMs, double toWorkerMs, double retrievalMs, double workerMs,
                double toConcludedMs, double sagaPickupMs, double toClaimMs, double claimMs) {
        double overheadMs() {
            return totalMs - modelMs;
        }
    }

    private static final class Watch {
        final Map<String, Long> started = new ConcurrentHashMap<>();
        final Map<String, Instant> startedAt = new ConcurrentHashMap<>();
        final Map<String, Instant> concludedAt = new ConcurrentHashMap<>();
        final Map<String, Instant> sagaPicked = new ConcurrentHashMap<>();
        final Map<String, Instant> claimedAt = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<AnalysisConcluded>> concluded = new ConcurrentHashMap<>();

        void on(List<? extends EventMessage<?>> events) {
            long now = System.nanoTime();
            Instant wall = Instant.now();
            for (EventMessage<?> e : events) {
                if (e.getPayload() instanceof AnalysisAttemptStarted s) {
                    started.putIfAbsent(s.nodeId().value(), now);
                    startedAt.putIfAbsent(s.nodeId().value(), wall);
                }
                if (e.getPayload() instanceof AnalysisAttemptClaimed c) claimedAt.putIfAbsent(c.nodeId().value(), c.claimedAt());
                if (e.getPayload() instanceof AnalysisConcluded c) {
                    concludedAt.put(c.nodeId().value(), wall);
                    future(c.nodeId().value()).complete(c);
                }
            }
        }

        CompletableFuture<AnalysisConcluded> future(String node) {
            return concluded.computeIfAbsent(node, n -> new CompletableFuture<>());
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        int cases = Integer.parseInt(opts.getOrDefault("cases", "200"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "30"));
        List<Integer> clientCounts = Stream.of(opts.getOrDefault("clients", "1,4").split(",")).map(Integer::parseInt).toList();
        Path corpus = Path.of(opts.getOrDefault("corpus", "retrieval/src/test/resources/eval/corpus"));
        BenchDatabase db = BenchDatabase.fresh(opts, "ipexpert_agent_bench");

        try (FakeChatCompletions model = FakeChatCompletions.start().otherwiseReplies(DECISION)) {
            System.setProperty("axon.update-check.disabled", "true");
            ConfigurableApplicationContext context = new SpringApplication(CommandPathBenchmark.App.class).run(db.springArguments(
                    "--server.port=0",
                    "--ipexpert.data-dir=" + Files.createTempDirectory("ipexpert-agent-bench"),
                    "--ipexpert.security.admin-password=bench-admin-123", "--logging.level.root=warn",
                    "--spring.jmx.enabled=false", "--ipexpert.llm.api-key=sk-bench-0000", "--ipexpert.llm.base-url=" + model.baseUrl(),
                    "--ipexpert.llm.model=instant-model", "--ipexpert.agent.worker-threads=2",
                    "--ipexpert.rate-limits.enabled=false"));
            try {
                System.out.printf("IP Expert agent-step benchmark on %s, %d cores; model: %s (streamed, answers at once)%n",
                        db.url(), Runtime.getRuntime().availableProcessors(), model.baseUrl());
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                int chunks = ingest(port, corpus);
                System.out.printf("knowledge base: %d documents from %s, %d chunks indexed%n", countFiles(corpus), corpus, chunks);

                Watch watch = new Watch();
                context.getBean(EventStore.class).subscribe(watch::on);
                // When the saga's processor takes up an attempt (the worker has it already: the hand-off).
                context.getBean(EventProcessingConfiguration.class).eventProcessor("agent-saga").orElseThrow()
                        .registerHandlerInterceptor((unitOfWork, chain) -> {
                            if (unitOfWork.getMessage().getPayload() instanceof AnalysisAttemptStarted s) {
                                watch.sagaPicked.putIfAbsent(s.nodeId().value(), Instant.now());
                            }
                            return chain.proceed();
                        });
                CommandGateway commands = context.getBean(CommandGateway.class);
                Runnable settle = () -> settle(context);
                run(commands, watch, 1, warmup, null);
                settle.run();
                List<Step> isolated = run(commands, watch, 1, cases, settle);
                report("one step at a time, each after the previous case's background work has settled", isolated);
                for (int clients : clientCounts) {
                    settle.run();
                    List<Step> steps = run(commands, watch, clients, cases, null);
                    report(clients + " client(s) back to back, each opening its next case as soon as the last one concluded", steps);
                }
                System.out.printf("model requests served: %d%n", model.requests().size());
            } finally {
                context.close();
            }
        }
    }

    /**
     * Waits until every event processor has handled every stored event: the tail of the last case (the saga's
     * report to the case, the projections, the statistics) is done and the next step starts on a quiet process.
     */
    private static void settle(ConfigurableApplicationContext context) {
        EventStore store = context.getBean(EventStore.class);
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            TrackingToken headToken = store.createHeadToken();
            long head = headToken == null ? -1 : headToken.position().orElse(-1);
            boolean caughtUp = processing.eventProcessors().values().stream()
                    .filter(p -> p instanceof StreamingEventProcessor)
                    .flatMap(p -> ((StreamingEventProcessor) p).processingStatus().values().stream())
                    .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head);
            if (caughtUp) return;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<Step> run(CommandGateway commands, Watch watch, int clients, int cases, Runnable between) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Step> steps = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < cases) {
                    if (between != null) between.run();
                    steps.add(openAndWait(commands, watch, QUERIES[i % QUERIES.length]));
                }
                return null;
            }));
        }
        for (Future<?> f : running) f.get();
        pool.shutdown();
        return steps;
    }

    private static Step openAndWait(CommandGateway commands, Watch watch, String query) throws Exception {
        NodeId analysis = NodeId.random();
        CompletableFuture<AnalysisConcluded> concluded = watch.future(analysis.value());
        long sent = System.nanoTime();
        commands.sendAndWait(new OpenCase(CaseId.random(), BENCH_USER, query, List.of(), NodeId.random(), analysis,
                RetrievalSettings.defaults(), Instant.now()));
        AnalysisConcluded event = concluded.get(30, TimeUnit.SECONDS);
        long done = System.nanoTime();
        watch.concluded.remove(analysis.value());
        Long started = watch.started.remove(analysis.value());
        Instant startedAt = watch.startedAt.remove(analysis.value());
        Instant publishedAt = watch.concludedAt.remove(analysis.value());
        Instant picked = watch.sagaPicked.remove(analysis.value());
        Instant claimedAt = watch.claimedAt.remove(analysis.value());
        Map<String, Object> metadata = event.metadata();
        Map<?, ?> retrieval = (Map<?, ?>) metadata.get("retrieval");
        double workerMs = number(metadata.get("latencyMs"));
        // The worker stamps its report when it is done; its start is that less its own latency (wall clock, µs).
        double workerDoneToPublished = micros(event.concludedAt(), publishedAt) / 1e3;
        double startedToWorker = micros(startedAt, event.concludedAt()) / 1e3 - workerMs;
        return new Step((done - sent) / 1e6, number(metadata.get("modelLatencyMs")),
                started == null ? Double.NaN : (started - sent) / 1e6, startedToWorker,
                retrieval == null ? Double.NaN : number(retrieval.get("latencyMs")), workerMs, workerDoneToPublished,
                micros(startedAt, picked) / 1e3, micros(startedAt, claimedAt) / 1e3,
                // the worker's own time starts once its claim was accepted; the claim is stamped as it is sent
                micros(claimedAt, event.concludedAt()) / 1e3 - workerMs);
    }

    private static double micros(Instant from, Instant to) {
        return from == null || to == null ? Double.NaN : java.time.Duration.between(from, to).toNanos() / 1e3;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static void report(String how, List<Step> steps) {
        List<Double> overhead = steps.stream().map(Step::overheadMs).toList();
        List<Double> orchestration = steps.stream().map(st -> st.overheadMs() - st.retrievalMs()).toList();
        List<Double> total = steps.stream().map(Step::totalMs).toList();
        List<Double> model = steps.stream().map(Step::modelMs).toList();
        List<Double> toAttempt = steps.stream().map(Step::toAttemptMs).toList();
        List<Double> retrieval = steps.stream().map(Step::retrievalMs).toList();
        List<Double> rest = steps.stream().map(s -> s.workerMs() - s.retrievalMs() - s.modelMs()).toList();
        List<Double> toWorker = steps.stream().map(Step::toWorkerMs).toList();
        List<Double> toConcluded = steps.stream().map(Step::toConcludedMs).toList();
        List<Double> pickup = steps.stream().map(Step::sagaPickupMs).toList();
        List<Double> toClaim = steps.stream().map(Step::toClaimMs).toList();
        List<Double> claim = steps.stream().map(Step::claimMs).toList();
        System.out.printf("%s, %d cases:%n", how, steps.size());
        System.out.printf("  agent step overhead, model excluded (OpenCase sent → AnalysisConcluded published − model time): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                BenchArgs.percentile(overhead, 50), BenchArgs.percentile(overhead, 95), BenchArgs.percentile(overhead, 99));
        System.out.printf("  the same without retrieval (the orchestration: commands, saga, events, worker hand-offs): p50 %.1f ms, p95 %.1f ms%n",
                BenchArgs.percentile(orchestration, 50), BenchArgs.percentile(orchestration, 95));
        System.out.printf("  whole step, model included: p50 %.1f ms, p95 %.1f ms; model call (instant server, streamed): p50 %.1f ms, p95 %.1f ms%n",
                BenchArgs.percentile(total, 50), BenchArgs.percentile(total, 95), BenchArgs.percentile(model, 50), BenchArgs.percentile(model, 95));
        System.out.printf("  of which (p50 / p95): command → attempt started %.1f / %.1f ms; attempt started → worker starts (the hand-off after the commit, the worker's pool) %.1f / %.1f ms;%n",
                BenchArgs.percentile(toAttempt, 50), BenchArgs.percentile(toAttempt, 95), BenchArgs.percentile(toWorker, 50),
                BenchArgs.percentile(toWorker, 95));
        System.out.printf("      of that: attempt started → the worker sends its claim %.1f / %.1f ms; the claim, sent → accepted %.1f / %.1f ms%n",
                BenchArgs.percentile(toClaim, 50), BenchArgs.percentile(toClaim, 95), BenchArgs.percentile(claim, 50),
                BenchArgs.percentile(claim, 95));
        System.out.printf("      the saga's processor takes the attempt up %.1f / %.1f ms after it is published (to schedule its watch)%n",
                BenchArgs.percentile(pickup, 50), BenchArgs.percentile(pickup, 95));
        System.out.printf("    retrieval %.1f / %.1f ms; rest of the worker (conversation, rules) %.1f / %.1f ms; worker done → AnalysisConcluded published %.1f / %.1f ms%n",
                BenchArgs.percentile(retrieval, 50), BenchArgs.percentile(retrieval, 95), BenchArgs.percentile(rest, 50),
                BenchArgs.percentile(rest, 95), BenchArgs.percentile(toConcluded, 50), BenchArgs.percentile(toConcluded, 95));
    }

    /** Uploads every file of the corpus as an admin would, and waits until all are indexed; answers the chunk count. */
    private static int ingest(int port, Path corpus) throws Exception {
        RestClient http = RestClient.create("http://127.0.0.1:" + port + "/api/v1");
        Map<?, ?> login = http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "admin", "password", "bench-admin-123")).retrieve().body(Map.class);
        String token = "Bearer " + login.get("access_token");
        List<String> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
                parts.add("file", new ByteArrayResource(Files.readAllBytes(file)) {
                    @Override
                    public String getFilename() {
                        return name;
                    }
                });
                parts.add("tags", name.startsWith("frr-") ? "routing" : "linux");
                Map<?, ?> uploaded = http.post().uri("/knowledge/documents").header("Authorization", token)
                        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(Map.class);
                docs.add(String.valueOf(uploaded.get("docId")));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        for (String doc : docs) {
            while (true) {
                Map<?, ?> detail = http.get().uri("/knowledge/documents/" + doc).header("Authorization", token).retrieve().body(Map.class);
                Object status = detail.get("status");
                if ("INDEXED".equals(status)) break;
                if ("FAILED".equals(status)) throw new IllegalStateException(doc + " failed: " + detail.get("message"));
                if (System.nanoTime() > deadline) throw new IllegalStateException("ingestion did not finish in 10 minutes");
                Thread.sleep(200);
            }
        }
        Map<?, ?> index = http.get().uri("/admin/knowledge/index").header("Authorization", token).retrieve().body(Map.class);
        return ((Number) index.get("chunks")).intValue();
    }

    private static long countFiles(Path corpus) throws Exception {
        try (Stream<Path> files = Files.list(corpus)) {
            return files.count();
        }
    }
}
