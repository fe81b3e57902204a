package com.ipexpert.gateway.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** An API client with one base URL, as a user of the distributed stack has. */
public final class Client {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public record Response(int status, JsonNode body, String raw, Map<String, List<String>> headers) {
    }

    /** A named event of a live stream and when it arrived. */
    public record StreamEvent(String name, JsonNode data, Instant at) {
    }

    public Client(String base) {
        this(base, null);
    }

    private Client(String base, String token) {
        this.base = base.replaceAll("/+$", "");
        this.token = token;
    }

    public Client as(String username, String password) {
        Response login = post("/api/v1/auth/login", Map.of("username", username, "password", password));
        if (login.status() != 200) throw new IllegalStateException("login failed: " + login.raw());
        return new Client(base, login.body().get("access_token").asText());
    }

    /** The same signed-in user, at another base URL. */
    public Client on(String otherBase) {
        return new Client(otherBase, token);
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart upload of one file with a vendor and tags, as a browser sends it. */
    public Response upload(String path, String fileName, byte[] content, String vendor, List<String> tags) {
        String boundary = "----ipexpert" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder fields = new StringBuilder();
        for (String tag : tags) fields.append(part(boundary, "tags", null)).append(tag).append("\r\n");
        if (vendor != null) fields.append(part(boundary, "vendor", null)).append(vendor).append("\r\n");
        body.writeBytes(fields.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(part(boundary, "file", fileName).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static String part(String boundary, String name, String fileName) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/markdown") + "\r\n\r\n";
    }

    /** Asks until {@code until} holds or {@code within} has passed; the last answer either way. */
    public Response await(String path, Predicate<Response> until, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Response last = get(path);
        while (!until.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = get(path);
        }
        return last;
    }

    /**
     * Opens a live stream and reads events until {@code enough} says stop or {@code within} has passed; the stream is
     * still open while the events are read, so an event that arrives proves the way there does not buffer.
     */
    public List<StreamEvent> stream(String path, Predicate<List<StreamEvent>> enough, Duration within) {
        HttpRequest request = request(path).header("Accept", "text/event-stream").GET().build();
        List<StreamEvent> events = new java.util.ArrayList<>();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stream answered " + response.statusCode() + ": "
                        + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            Thread timer = new Thread(() -> {
                try {
                    Thread.sleep(within.toMillis());
                    response.body().close();
                } catch (InterruptedException | IOException ignored) {
                    // the stream ended first
                }
            }, "stream-timer");
            timer.setDaemon(true);
            timer.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = "message";
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) events.add(new StreamEvent(name, JSON.readTree(data.toString()), Instant.now()));
                        name = "message";
                        data.setLength(0);
                        if (enough.test(events)) break;
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    }
                }
            } catch (IOException closedByTimer) {
                // within has passed
            } finally {
                timer.interrupt();
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return events;
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // kept raw
            }
            return new Response(response.statusCode(), body, response.body(), response.headers().map());
        } catch (IOException e) {
            return new Response(-1, null, e.toString(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, null, "interrupted", Map.of());
        }
    }
}
