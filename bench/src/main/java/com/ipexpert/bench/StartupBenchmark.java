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
 * Starts the embedded application {@code runs} times in each of two ways, H2 in a fresh data directory, nothing else:
 * as the README's run command does (the extracted jar with its class data archive,
 * {@code java -XX:SharedArchiveFile=standalone/target/ip-expert/ip-expert.jsa -jar standalone/target/ip-expert/ip-expert.jar})
 * and as the single jar ({@code java -jar standalone/target/ip-expert.jar}). For each it prints, next to the issue's
 * targets: the time from launch to {@code /actuator/health} UP; to {@code /actuator/health/knowledge} UP (the embedding
 * models loaded); the process's RSS (VmRSS, in MiB as {@code ps -o rss} / 1024) at health UP, at knowledge ready and
 * {@code settle} seconds after; and whether the JVM complained about the archive. Also the jar's size and what it is
 * made of. The raw limits measured in the same run: a bare JVM ({@code java -version}) and a bare Spring Boot web
 * application (Tomcat and one endpoint, from this module's classpath), started the same number of times.
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
        Path extracted = Path.of(a.getOrDefault("extracted", "standalone/target/ip-expert"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf("load average at start: %s%n", loadAverage());

        jarComposition(jar);
        Path archive = extracted.resolve("ip-expert.jsa");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException(archive + " is missing: build with the README's command (without -Dclass-data.skip)");
        }
        System.out.printf("class data archive %s: %.1f MB%n", archive, Files.size(archive) / 1e6);

        List<Double> bareJvm = new ArrayList<>();
        List<Double> bareBoot = new ArrayList<>();
        List<Double> bareBootRss = new ArrayList<>();
        Series readme = new Series("README (archive)", List.of(java, "-XX:SharedArchiveFile=" + archive, "-jar",
                extracted.resolve("ip-expert.jar").toString()));
        Series single = new Series("java -jar (single jar)", List.of(java, "-jar", jar.toString()));
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
            for (Series series : List.of(readme, single)) {
                series.start(knowledgeProbe, settle);
                System.out.printf("run %d, %s: health UP %.0f ms, knowledge ready %.0f ms; RSS %.0f / %.0f / %.0f MB"
                                + " (health / knowledge / +%d s)%s%n", run, series.name, last(series.health),
                        last(series.knowledge), last(series.rssHealth), last(series.rssKnowledge), last(series.rssSettled),
                        settle, series.archiveComplaints.isEmpty() ? "" : "; the JVM said: " + series.archiveComplaints);
            }
            System.out.printf("run %d: bare JVM %.0f ms, bare Spring Boot %.0f ms%n", run, last(bareJvm), last(bareBoot));
        }

        System.out.println();
        System.out.printf("%-56s %12s %12s %12s %10s%n", "what (" + runs + " starts)", "median", "worst", "raw limit", "target");
        row("bare JVM: java -version (ms)", bareJvm, "", "");
        row("bare Spring Boot web app: start to 200 (ms)", bareBoot, "", "");
        row("bare Spring Boot web app: RSS (MB)", bareBootRss, "", "");
        for (Series series : List.of(readme, single)) {
            row(series.name + ": to /actuator/health UP (ms)", series.health, fmt(median(bareBoot)), "< " + HEALTH_TARGET_MS);
            row(series.name + ": to knowledge ready (ms)", series.knowledge, fmt(median(bareBoot)), "");
            row(series.name + ": RSS at health UP (MB)", series.rssHealth, fmt(median(bareBootRss)), "< " + RSS_TARGET_MB);
            row(series.name + ": RSS at knowledge ready (MB)", series.rssKnowledge, fmt(median(bareBootRss)), "< " + RSS_TARGET_MB);
            row(series.name + ": RSS " + settle + " s after knowledge (MB)", series.rssSettled, fmt(median(bareBootRss)),
                    "< " + RSS_TARGET_MB);
            System.out.printf("%s: health UP / bare Spring Boot %.1f x; RSS settled / bare Spring Boot %.1f x%n",
                    series.name, median(series.health) / median(bareBoot), median(series.rssSettled) / median(bareBootRss));
        }
        System.out.printf("load average at end: %s%n", loadAverage());
    }

    /** One way of starting the application, and what its starts measured. */
    private static final class Series {
        final String name;
        final List<String> command;
        final List<Double> health = new ArrayList<>();
        final List<Double> knowledge = new ArrayList<>();
        final List<Double> rssHealth = new ArrayList<>();
        final List<Double> rssKnowledge = new ArrayList<>();
        final List<Double> rssSettled = new ArrayList<>();
        /** Lines in which the JVM says it could not map or use the class data archive. */
        final List<String> archiveComplaints = new ArrayList<>();

        Series(String name, List<String> command) {
            this.name = name;
            this.command = command;
        }

        void start(boolean knowledgeProbe, int settle) throws Exception {
            try (Started app = Started.launch(command, "ip-expert")) {
                health.add(app.awaitStatus("/actuator/health", 200, Duration.ofMinutes(8)));
                rssHealth.add(rssMb(app.process.pid()));
                knowledge.add(knowledgeProbe ? app.awaitStatus("/actuator/health/knowledge", 200, Duration.ofMinutes(8))
                        : last(health));
                rssKnowledge.add(rssMb(app.process.pid()));
                Thread.sleep(TimeUnit.SECONDS.toMillis(settle));
                rssSettled.add(rssMb(app.process.pid()));
                Files.readAllLines(app.log).stream().filter(line -> line.contains("[cds")).forEach(archiveComplaints::add);
            }
        }
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
        System.out.printf("%-56s %12s %12s %12s %10s%n", what, fmt(median(values)),
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
