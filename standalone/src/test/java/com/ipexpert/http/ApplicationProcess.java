package com.ipexpert.http;

import com.ipexpert.IpExpertApplication;
import com.ipexpert.TestDatabase;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as a process of its own, on its own PostgreSQL database and data directory, so a test can kill
 * it with SIGKILL and start it again on the same state. Logs go to the data directory.
 */
final class ApplicationProcess implements AutoCloseable {
    static final String ADMIN_PASSWORD = "crash-admin-123";
    /** The system property in which the build names the extracted application's jar. */
    static final String PACKAGED_PROPERTY = "ipexpert.test.packaged-jar";
    private final String db;
    private final Path dataDir;
    private final int port;
    private final List<String> settings;
    private Process process;
    private Path log;

    /** @param settings extra {@code --key=value} arguments for every start */
    ApplicationProcess(String name, String... settings) throws IOException {
        this(TestDatabase.create("ipexpert_" + name + "_" + Long.toHexString(System.nanoTime())),
                Files.createTempDirectory("ipexpert-" + name + "-"), settings);
    }

    /** On the given PostgreSQL database, or with {@code db} null on the embedded H2 database inside {@code dataDir}. */
    ApplicationProcess(String db, Path dataDir, String... settings) throws IOException {
        this.db = db;
        this.dataDir = dataDir;
        this.port = freePort();
        this.settings = List.of(settings);
    }

    Path dataDir() {
        return dataDir;
    }

    String database() {
        return db;
    }

    /** SIGTERM, as an operator stops it; waits for the process to end. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    /** Starts the process and answers, logged in as the administrator, once it reports healthy. */
    Api start() throws IOException, InterruptedException {
        // The client compiler alone (C1): a process that lives a minute spends half the CPU of its start in the
        // optimising compiler otherwise, for code it never runs long enough to gain from (measured on 2 cores: 36 s
        // of CPU to health UP, 20 s with C1 alone).
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1"));
        command.addAll(application());
        command.addAll(List.of("--server.port=" + port, "--ipexpert.data-dir=" + dataDir,
                "--ipexpert.security.admin-password=" + ADMIN_PASSWORD, "--ipexpert.deadlines.polling-interval=500ms",
                "--logging.level.root=warn"));
        if (db != null) {
            command.addAll(List.of("--spring.datasource.url=" + db, "--spring.datasource.username=" + TestDatabase.user(),
                    "--spring.datasource.password=" + TestDatabase.password()));
        }
        command.addAll(settings);
        log = dataDir.resolve("app-" + System.nanoTime() + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return awaitReady().as("admin", ADMIN_PASSWORD);
    }

    /**
     * What the JVM runs: the packaged application as the README's run command starts it (the extracted jar and its
     * class data archive), which the build names in {@value #PACKAGED_PROPERTY} when it runs these tests after
     * packaging; otherwise (a test started from an IDE) the test's own classpath without the test classes.
     */
    private static List<String> application() {
        if (packaged()) {
            Path jar = Path.of(System.getProperty(PACKAGED_PROPERTY));
            assertThat(jar).as("the extracted application (built without -Dclass-data.skip)").isRegularFile();
            return List.of("-XX:SharedArchiveFile=" + jar.resolveSibling("ip-expert.jsa"), "-jar", jar.toString());
        }
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        return List.of("-cp", classpath, IpExpertApplication.class.getName());
    }

    /** Whether this process runs the packaged application (with its class data archive) rather than the classpath. */
    static boolean packaged() {
        String packaged = System.getProperty(PACKAGED_PROPERTY);
        return packaged != null && !packaged.isBlank();
    }

    /** The lines the latest start logged at WARN or ERROR (the process logs nothing below WARN). */
    List<String> warnings() throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
    }

    /** What the JVM said about the class data archive in the latest start: nothing when it mapped it. */
    List<String> archiveComplaints() throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains("[cds")).toList();
    }

    /** SIGKILL: nothing the process had in memory survives. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        if (process != null) process.destroyForcibly();
    }

    private Api awaitReady() throws InterruptedException {
        Api api = new Api(port);
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(process.isAlive()).as("the application process is running").isTrue();
            try {
                if (api.get("/actuator/health").status() == 200) return api;
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not become ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
