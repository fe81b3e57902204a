package com.ipexpert.gateway.stack;

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
import java.util.List;

/** The gateway as its own process, started from this module's classes and runtime classpath. */
public final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static GatewayProcess start(List<String> commandSide, List<String> querySide, Path log) throws IOException, InterruptedException {
        int port = freePort();
        String classpath = Path.of("target/classes") + java.io.File.pathSeparator
                + Files.readString(Path.of("target/gateway-runtime.classpath")).trim();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath, "com.ipexpert.gateway.GatewayApplication", "--server.port=" + port,
                "--server.address=127.0.0.1", "--ipexpert.gateway.command-side=" + String.join(",", commandSide),
                "--ipexpert.gateway.query-side=" + String.join(",", querySide)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GatewayProcess gateway = new GatewayProcess(process, port);
        gateway.awaitHealthy(Duration.ofMinutes(5), log); // a loaded machine starts even this small process slowly
        return gateway;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy(Duration within, Path log) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the gateway exited: " + Files.readString(log));
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly(); // the caller never gets hold of it to close it
        throw new IllegalStateException("the gateway did not become ready: " + Files.readString(log));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
