package com.ipexpert.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a benchmark's own (initdb in a temporary directory, on a free port), so the benchmark can stop and
 * start it under a running application without touching the shared server anything else uses (the same as the
 * standalone tests' {@code PrivatePostgres}). Found in
 * {@code IPEXPERT_PG_BIN}, {@code /usr/lib/postgresql/<version>/bin} or {@code pg_config --bindir}; as root it runs
 * as the {@code postgres} user (PostgreSQL refuses to run as root).
 */
public final class PrivatePostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Why no private server can be made here, or empty when one can. */
    public static Optional<String> unavailableBecause() {
        if (binaries().isEmpty()) {
            return Optional.of("no PostgreSQL server binaries (initdb, pg_ctl) found: set IPEXPERT_PG_BIN or install postgresql");
        }
        if (isRoot() && (!Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))
                || !postgresUserExists())) {
            return Optional.of("running as root, and no 'postgres' user and runuser to run PostgreSQL as");
        }
        return Optional.empty();
    }

    /** Creates the cluster and starts it. */
    public static PrivatePostgres start(String name) throws IOException, InterruptedException {
        return start(name, 0);
    }

    /** Creates the cluster and starts it on {@code port} (0: a free one). */
    public static PrivatePostgres start(String name, int port) throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow();
        Path dir = Files.createTempDirectory("ipexpert-" + name + "-pg-");
        boolean root = isRoot();
        if (root) run(List.of("chown", "-R", "postgres", dir.toString()), false);
        PrivatePostgres pg = new PrivatePostgres(bin, dir, port == 0 ? freePort() : port, root);
        pg.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--no-locale", "--no-sync"));
        pg.startServer();
        return pg;
    }

    /** A fresh database on this server, as a JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl() + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return serverUrl() + name;
    }

    public String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    /** Starts the stopped server; answers once it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "-t", "120", "start"));
    }

    /** Stops the server as an operator's restart does: open connections are cut, transactions in flight roll back. */
    public void stopServer() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "-t", "120", "stop"));
    }

    @Override
    public void close() {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"));
        } catch (IOException | InterruptedException | IllegalStateException alreadyStopped) {
            // nothing left to stop
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        run(command, asPostgresUser);
    }

    private static void run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed: " + new String(out));
        }
    }

    private static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("IPEXPERT_PG_BIN");
        if (env != null) candidates.add(Path.of(env));
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
        } catch (IOException none) {
            // not a Debian layout
        }
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0 && !out.isEmpty()) candidates.add(Path.of(out));
        } catch (IOException | InterruptedException none) {
            // no pg_config on the PATH
        }
        return candidates.stream()
                .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                .findFirst();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean postgresUserExists() {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            return lines.anyMatch(l -> l.startsWith("postgres:"));
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
