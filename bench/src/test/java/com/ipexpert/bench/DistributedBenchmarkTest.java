package com.ipexpert.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's load counts only acknowledged cases in its rate and says how every other opening was answered. */
class DistributedBenchmarkTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void openings_refused_by_a_rate_limit_are_counted_by_their_answer_not_as_acknowledged_cases() throws Exception {
        String url = stackThatAcknowledges(3);

        DistributedBenchmark.Figures figures = DistributedBenchmark.load("stack", url, "token", 10, 2, Map.of());

        assertThat(figures.attempted()).isEqualTo(10);
        assertThat(figures.cases()).isEqualTo(3);
        assertThat(figures.refusals()).containsExactly(Map.entry("429 RATE_LIMITED", 7));
        assertThat(figures.lagMs()).hasSize(3);
    }

    /** A loopback stand-in for the API: the first {@code capacity} case openings are acknowledged, the rest refused with 429. */
    private String stackThatAcknowledges(int capacity) throws IOException {
        AtomicInteger opened = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/cases", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                exchange.getRequestBody().readAllBytes();
                if (opened.incrementAndGet() <= capacity) {
                    answer(exchange, 200, "{\"caseId\":\"" + UUID.randomUUID() + "\"}");
                } else {
                    answer(exchange, 429, "{\"error\":{\"type\":\"RATE_LIMITED\",\"message\":\"Too many case openings\"}}");
                }
            } else {
                answer(exchange, 200, "{\"nodes\":[]}");
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
