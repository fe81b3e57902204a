package com.ipexpert.analyst.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that speaks OpenAI's chat-completions protocol, answering each request with the
 * next scripted reply and keeping every request body it received.
 */
final class FakeChatCompletions implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One scripted answer: a status, a body, and how long to wait before sending it. */
    record Reply(int status, String body, long delayMs) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    private FakeChatCompletions() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static FakeChatCompletions start() throws IOException {
        return new FakeChatCompletions();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The model answers with this message content, and reports these token counts. */
    synchronized FakeChatCompletions replies(String content, int promptTokens, int completionTokens) {
        return replies(content, promptTokens, completionTokens, "stop");
    }

    /** The model's reply stops at the token limit ({@code finish_reason: length}). */
    synchronized FakeChatCompletions cutsOff(String content) {
        return replies(content, 100, 800, "length");
    }

    private FakeChatCompletions replies(String content, int promptTokens, int completionTokens, String finishReason) {
        Map<String, Object> body = Map.of(
                "id", "chatcmpl-" + (script.size() + 1), "object", "chat.completion", "created", 1_700_000_000,
                "model", "fake-model",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content),
                        "finish_reason", finishReason)),
                "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                        "total_tokens", promptTokens + completionTokens));
        script.add(new Reply(200, write(body), 0));
        return this;
    }

    synchronized FakeChatCompletions replies(String content) {
        return replies(content, 100, 20);
    }

    /** The endpoint answers with an OpenAI-style error. */
    synchronized FakeChatCompletions fails(int status, String message) {
        script.add(new Reply(status, write(Map.of("error", Map.of("message", message, "type", "error", "code", status))), 0));
        return this;
    }

    /** The endpoint answers, but only after this long. */
    synchronized FakeChatCompletions stalls(long delayMs, String content) {
        replies(content);
        Reply last = script.removeLast();
        script.add(new Reply(last.status(), last.body(), delayMs));
        return this;
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The text of every message of the n-th request, system and user, joined. */
    String promptOf(int request) {
        try {
            JsonNode root = JSON.readTree(requests().get(request));
            StringBuilder s = new StringBuilder();
            for (JsonNode message : root.path("messages")) s.append(message.path("content").asText()).append('\n');
            return s.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        synchronized (this) {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            reply = script.isEmpty() ? new Reply(500, "{\"error\":{\"message\":\"no scripted reply left\"}}", 0) : script.poll();
        }
        try {
            if (reply.delayMs() > 0) Thread.sleep(reply.delayMs());
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and closed the connection
        } finally {
            exchange.close();
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
