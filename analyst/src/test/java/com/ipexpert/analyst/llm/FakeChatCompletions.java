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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 that speaks OpenAI's chat-completions protocol, answering each request with the
 * next scripted reply and keeping every request body it received. A request with {@code "stream": true} gets the
 * reply as Server-Sent Events, the content cut into small chunks, then the usage and {@code [DONE]}, as OpenAI
 * sends it; any other request gets one JSON response. Errors answer with their status either way.
 */
public final class FakeChatCompletions implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Characters per streamed chunk: small, so escapes and multi-byte characters are cut in the middle. */
    private static final int CHUNK = 7;

    /**
     * One scripted answer: an error status and body, or a reply's content with its usage and finish reason; how
     * long to wait before answering, and, when streamed, how long to stall half way through.
     */
    record Reply(int status, String errorBody, String content, int promptTokens, int completionTokens, String finishReason,
                 long delayMs, long stallMidStreamMs) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private Reply otherwise;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile long chunkDelayMs;

    private FakeChatCompletions() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeChatCompletions start() throws IOException {
        return new FakeChatCompletions();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The model answers with this message content, and reports these token counts. */
    public synchronized FakeChatCompletions replies(String content, int promptTokens, int completionTokens) {
        script.add(reply(content, promptTokens, completionTokens, "stop"));
        return this;
    }

    public synchronized FakeChatCompletions replies(String content) {
        return replies(content, 100, 20);
    }

    /** The model's reply stops at the token limit ({@code finish_reason: length}). */
    public synchronized FakeChatCompletions cutsOff(String content) {
        script.add(reply(content, 100, 800, "length"));
        return this;
    }

    /** The endpoint answers with an OpenAI-style error. */
    public synchronized FakeChatCompletions fails(int status, String message) {
        script.add(new Reply(status, write(Map.of("error", Map.of("message", message, "type", "error", "code", status))),
                null, 0, 0, null, 0, 0));
        return this;
    }

    /** The endpoint answers, but only after this long. */
    public synchronized FakeChatCompletions stalls(long delayMs, String content) {
        Reply r = reply(content, 100, 20, "stop");
        script.add(new Reply(r.status(), null, r.content(), r.promptTokens(), r.completionTokens(), r.finishReason(), delayMs, 0));
        return this;
    }

    /** A streamed reply starts at once, then stops for this long half way through. */
    public synchronized FakeChatCompletions stallsMidStream(long stallMs, String content) {
        Reply r = reply(content, 100, 20, "stop");
        script.add(new Reply(r.status(), null, r.content(), r.promptTokens(), r.completionTokens(), r.finishReason(), 0, stallMs));
        return this;
    }

    /** What every request gets once the script is used up (without it: HTTP 500). */
    public synchronized FakeChatCompletions otherwiseReplies(String content) {
        otherwise = reply(content, 100, 20, "stop");
        return this;
    }

    /** Streamed chunks go out this far apart, so a watcher sees the reply grow. */
    public FakeChatCompletions chunksApart(long delayMs) {
        chunkDelayMs = delayMs;
        return this;
    }

    /** Requests wait, unanswered, until {@link #releaseReplies()}. */
    public FakeChatCompletions holdReplies() {
        hold = new CountDownLatch(1);
        return this;
    }

    public FakeChatCompletions releaseReplies() {
        hold.countDown();
        return this;
    }

    /** Forgets the script, the requests received and any hold or pacing: a fresh endpoint for the next test. */
    public synchronized FakeChatCompletions reset() {
        script.clear();
        requests.clear();
        authorizations.clear();
        otherwise = null;
        chunkDelayMs = 0;
        hold.countDown();
        return this;
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Whether the n-th request asked for a streamed reply. */
    public boolean streamed(int request) {
        try {
            return JSON.readTree(requests().get(request)).path("stream").asBoolean(false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of every message of the n-th request, system and user, joined. */
    public String promptOf(int request) {
        try {
            JsonNode root = JSON.readTree(requests().get(request));
            StringBuilder s = new StringBuilder();
            for (JsonNode message : root.path("messages")) s.append(message.path("content").asText()).append('\n');
            return s.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply reply(String content, int promptTokens, int completionTokens, String finishReason) {
        return new Reply(200, null, content, promptTokens, completionTokens, finishReason, 0, 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            requests.add(body);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            reply = !script.isEmpty() ? script.poll() : otherwise != null ? otherwise
                    : new Reply(500, "{\"error\":{\"message\":\"no scripted reply left\"}}", null, 0, 0, null, 0, 0);
        }
        try {
            hold.await(30, TimeUnit.SECONDS);
            if (reply.delayMs() > 0) Thread.sleep(reply.delayMs());
            if (reply.errorBody() != null) {
                send(exchange, reply.status(), "application/json", reply.errorBody());
            } else if (JSON.readTree(body).path("stream").asBoolean(false)) {
                stream(exchange, reply);
            } else {
                send(exchange, 200, "application/json", write(whole(reply)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out or cancelled and closed the connection
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, Object> whole(Reply reply) {
        return Map.of("id", "chatcmpl-fake", "object", "chat.completion", "created", 1_700_000_000, "model", "fake-model",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", reply.content()),
                        "finish_reason", reply.finishReason())),
                "usage", usage(reply));
    }

    private static Map<String, Object> usage(Reply reply) {
        return Map.of("prompt_tokens", reply.promptTokens(), "completion_tokens", reply.completionTokens(),
                "total_tokens", reply.promptTokens() + reply.completionTokens());
    }

    /** The reply as OpenAI streams it: a role chunk, content chunks, the finish reason, the usage, then [DONE]. */
    private void stream(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            event(out, chunk(Map.of("role", "assistant", "content", ""), null));
            String content = reply.content();
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < content.length(); ) {
                int end = Math.min(content.length(), i + CHUNK);
                if (end < content.length() && Character.isHighSurrogate(content.charAt(end - 1))) end++;
                pieces.add(content.substring(i, end));
                i = end;
            }
            for (int i = 0; i < pieces.size(); i++) {
                if (i == pieces.size() / 2 && reply.stallMidStreamMs() > 0) Thread.sleep(reply.stallMidStreamMs());
                if (chunkDelayMs > 0) Thread.sleep(chunkDelayMs);
                event(out, chunk(Map.of("content", pieces.get(i)), null));
            }
            event(out, chunk(Map.of(), reply.finishReason()));
            Map<String, Object> usage = new LinkedHashMap<>();
            usage.put("id", "chatcmpl-fake");
            usage.put("object", "chat.completion.chunk");
            usage.put("created", 1_700_000_000);
            usage.put("model", "fake-model");
            usage.put("choices", List.of());
            usage.put("usage", usage(reply));
            event(out, write(usage));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static String chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        return write(Map.of("id", "chatcmpl-fake", "object", "chat.completion.chunk", "created", 1_700_000_000,
                "model", "fake-model", "choices", List.of(choice)));
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
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
        releaseReplies();
        server.stop(0);
        executor.shutdownNow();
    }
}
