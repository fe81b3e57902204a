package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A Server-Sent Events stream read as a client reads it: named events with JSON data, kept in arrival order. */
final class EventStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Event(String name, JsonNode data) {
    }

    private final HttpResponse<InputStream> response;
    private final List<Event> events = new ArrayList<>();
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static EventStream open(Api api, String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = api.client().send(api.request(path).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IllegalStateException("stream answered " + response.statusCode() + ": " + body);
        }
        return new EventStream(response);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        Event event = new Event(name, JSON.readTree(data.toString()));
                        synchronized (events) {
                            events.add(event);
                            events.notifyAll();
                        }
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) data.append('\n');
                    data.append(line.substring(5));
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    /** Every event so far. */
    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Waits for the first event that matches, or fails after {@code timeout} with what arrived. */
    Event await(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (Event e : events) if (wanted.test(e)) return e;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no such event within " + timeout + "; got " + events);
                events.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        reader.interrupt();
    }
}
