package com.ipexpert.retrieval.index;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Weaviate's side of a conversation, replayed on loopback: the test lists the exchanges it expects, in order (method,
 * path, then the recorded response from {@code src/test/resources/weaviate/}); each request that arrives is kept for
 * the test to read, and one that was not expected next is answered 599 and reported.
 */
final class RecordedWeaviate implements AutoCloseable {
    record Request(String method, String path, String body) {
    }

    private record Exchange(String method, String path, int status, String responseFile) {
    }

    private final HttpServer server;
    private final Deque<Exchange> expected = new ArrayDeque<>();
    private final List<Request> received = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();

    RecordedWeaviate() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** host:port, as the client's config takes it. */
    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    RecordedWeaviate expect(String method, String path, int status, String responseFile) {
        synchronized (this) {
            expected.add(new Exchange(method, path, status, responseFile));
        }
        return this;
    }

    synchronized List<Request> received() {
        return List.copyOf(received);
    }

    synchronized List<Request> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    synchronized List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    synchronized boolean allAnswered() {
        return expected.isEmpty();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Exchange next;
        synchronized (this) {
            if (path.equals("/v1/meta")) { // the client may ask for the server's version at any time
                respond(exchange, 200, "meta.json");
                return;
            }
            received.add(new Request(method, path, body));
            next = expected.peek();
            if (next == null || !next.method().equals(method) || !next.path().equals(path)) {
                unexpected.add(method + " " + path + " (expected " + (next == null ? "nothing" : next.method() + " " + next.path()) + ")");
                exchange.sendResponseHeaders(599, -1);
                exchange.close();
                return;
            }
            expected.poll();
        }
        respond(exchange, next.status(), next.responseFile());
    }

    private static void respond(HttpExchange exchange, int status, String file) throws IOException {
        byte[] bytes = new byte[0];
        if (file != null) {
            try (InputStream in = RecordedWeaviate.class.getResourceAsStream("/weaviate/" + file)) {
                if (in == null) throw new IllegalStateException("no recording " + file);
                bytes = in.readAllBytes();
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
