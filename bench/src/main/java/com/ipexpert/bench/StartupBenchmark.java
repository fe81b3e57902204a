package com.ipexpert.bench;

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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Starts the embedded jar as the README does ({@code java -jar standalone/target/ip-expert.jar}, H2 in a fresh data
 * directory, nothing else) {@code runs} times and prints, next to the issue's targets: the jar's size and what it is
 * made of; the time from {@code java -jar} to {@code /actuator/health} UP; to {@code /actuator/health/knowledge} UP
 * (the embedding models loaded); the process's RSS (VmRSS, in MiB as {@code ps -o rss} / 1024) at health UP, at
 * knowledge ready and {@code settle} seconds after.
 * The raw limits measured in the same run: a bare JVM ({@code java -version}) and a bare Spring Boot web application
 * (Tomcat and one endpoint, from this module's classpath), started the same number of times.
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' com.ipexpert.bench.StartupBenchmark runs=3 settle=10</pre>
 */
public final class StartupBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final long JAR_TARGET_MB = 200;
    private static final long HEALTH_TARGET_MS = 10_000;
    private static final long RSS_TARGET_MB = 600;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchArgs.parse(args);
        int runs = Integer.parseInt(a.getOrDefault("runs", "3"));
        int settle = Integer.parseInt(a.getOrDefault("settle", "10"));
        // knowledge=false for a build without /actuator/health/knowledge (one that loads its models before it answers)
        boolean knowledgeProbe = Boolean.parseBoolean(a.getOrDefault("knowledge", "true"));
        Path jar = Path.of(a.getOrDefault("jar", "standalone/target/ip-expert.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf("load average at start: %s%n", loadAverage());

        jarComposition(jar);

        List<Double> bareJvm = new ArrayList<>();
        List<Double> bareBoot = new ArrayList<>();
        List<Double> bareBootRss = new ArrayList<>();
        List<Double> health = new ArrayList<>();
        List<Double> knowledge = new ArrayList<>();
        List<Double> rssHealth = new ArrayList<>();
        List<Double> rssKnowledge = new ArrayList<>();
        List<Double> rssSettled = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            Process version = new ProcessBuilder(java, "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            version.waitFor();
            bareJvm.add(millisSince(started));

            try (Started bare = Started.launch(List.of(java, "-cp", System.getProperty("java.class.path"),
                    BareWebApplication.class.getName()), "bare")) {
                bareBoot.add(bare.awaitStatus("/health", 200, Duration.ofMinutes(5)));
                bareBootRss.add(rssMb(bare.process.pid()));
            }

            try (Started app = Started.launch(List.of(java, "-jar", jar.toString()), "ip-expert")) {
                health.add(app.awaitStatus("/actuator/health", 200, Duration.ofMinutes(8)));
                rssHealth.add(rssMb(app.process.pid()));
                knowledge.add(knowledgeProbe ? app.awaitStatus("/actuator/health/knowledge", 200, Duration.ofMinutes(8))
                        : last(health));
                rssKnowledge.add(rssMb(app.process.pid()));
                Thread.sleep(TimeUnit.SECONDS.toMillis(settle));
                rssSettled.add(rssMb(app.process.pid()));
            }
            System.out.printf("run %d: bare JVM %.0f ms, bare Spring Boot %.0f ms; health UP %.0f ms, knowledge ready %.0f ms;"
                            + " RSS %.0f / %.0f / %.0f MB (health / knowledge / +%d s)%n", run, last(bareJvm), last(bareBoot),
                    last(health), last(knowledge), last(rssHealth), last(rssKnowledge), last(rssSettled), settle);
        }

        System.out.println();
        System.out.printf("%-44s %12s %12s %12s %10s%n", "what (" + runs + " starts)", "median", "worst", "raw limit", "target");
        row("bare JVM: java -version (ms)", bareJvm, "", "");
        row("bare Spring Boot web app: start to 200 (ms)", bareBoot, "", "");
        row("bare Spring Boot web app: RSS (MB)", bareBootRss, "", "");
        row("java -jar to /actuator/health UP (ms)", health, fmt(median(bareBoot)), "< " + HEALTH_TARGET_MS);
        row("java -jar to knowledge ready (ms)", knowledge, fmt(median(bareBoot)), "");
        row("RSS at health UP (MB)", rssHealth, fmt(median(bareBootRss)), "< " + RSS_TARGET_MB);
        row("RSS at knowledge ready (MB)", rssKnowledge, fmt(median(bareBootRss)), "< " + RSS_TARGET_MB);
        row("RSS " + settle + " s after knowledge ready (MB)", rssSettled, fmt(median(bareBootRss)), "< " + RSS_TARGET_MB);
        System.out.printf("health UP / bare Spring Boot: %.1f x; RSS settled / bare Spring Boot: %.1f x%n",
                median(health) / median(bareBoot), median(rssSettled) / median(bareBootRss));
        System.out.printf("load average at end: %s%n", loadAverage());
    }

    /** The jar's size and its largest parts (nested jars are stored, so an entry's size is what it adds). */
    private static void jarComposition(Path jar) throws IOException {
        long size = Files.size(jar);
        System.out.printf("jar %s: %.1f MB (10^6 bytes; target < %d MB)%n", jar, size / 1e6, JAR_TARGET_MB);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().sorted(Comparator.comparingLong(ZipEntry::getCompressedSize).reversed()).toList();
            long models = 0;
            long runtime = 0;
            for (ZipEntry e : entries) {
                if (e.getName().contains("langchain4j-embeddings-bge-")) models += e.getCompressedSize();
                if (e.getName().contains("native-libraries-") || e.getName().contains("onnxruntime-")
                        || e.getName().contains("/tokenizers-")) runtime += e.getCompressedSize();
            }
            System.out.printf("  of which the two BGE models %.1f MB, ONNX Runtime and the tokenizer natives %.1f MB;"
                    + " everything else %.1f MB%n", models / 1e6, runtime / 1e6, (size - models - runtime) / 1e6);
            System.out.println("  largest parts:");
            entries.stream().limit(12).forEach(e -> System.out.printf("    %6.1f MB  %s%n", e.getCompressedSize() / 1e6, e.getName()));
        }
    }

    private static void row(String what, List<Double> values, String raw, String target) {
        System.out.printf("%-44s %12s %12s %12s %10s%n", what, fmt(median(values)),
                fmt(values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)), raw, target);
    }

    private static String fmt(double v) {
        return String.format("%.0f", v);
    }

    private static double median(List<Double> values) {
        return BenchArgs.percentile(values, 50);
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static double millisSince(long started) {
        return (System.nanoTime() - started) / 1e6;
    }

    static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
        return Double.NaN;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A process started on a free port with a fresh data directory, its output in a log file. */
    private static final class Started implements AutoCloseable {
        final Process process;
        final int port;
        final long startedAt;
        final Path log;

        private Started(Process process, int port, long startedAt, Path log) {
            this.process = process;
            this.port = port;
            this.startedAt = startedAt;
            this.log = log;
        }

        static Started launch(List<String> command, String name) throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("ipexpert-startup-" + name + "-", ".log");
            Path data = Files.createTempDirectory("ipexpert-startup-" + name);
            List<String> full = new ArrayList<>(command);
            full.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1", "--ipexpert.data-dir=" + data));
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
            long startedAt = System.nanoTime();
            return new Started(builder.start(), port, startedAt, log);
        }

        /** Milliseconds from launch until {@code path} answers {@code status}. */
        double awaitStatus(String path, int status, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new IllegalStateException("the process exited; see " + log);
                try {
                    if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                        return millisSince(startedAt);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException(path + " did not answer " + status + " in " + limit + "; see " + log);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }
}
