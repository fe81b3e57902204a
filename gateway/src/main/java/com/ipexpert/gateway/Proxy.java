package com.ipexpert.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forwards each {@code /api/v1} request to an instance of the side its route names and copies the answer back as it
 * arrives: every chunk read from the instance is written and flushed at once, so Server-Sent Events pass through
 * unbuffered. A request whose connection an instance refuses is sent to the next instance (nothing reached the
 * refusing one, so even a POST is safe to send again); a GET that fails half way through its exchange is tried on the
 * next as well. When no instance of the side can be reached the answer is 503 in the API's error shape.
 */
final class Proxy extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(Proxy.class);
    /** Hop-by-hop headers (RFC 9110 §7.6.1) and those the HTTP client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect",
            "http2-settings");
    private static final int CHUNK = 8 * 1024;
    private final GatewaySettings settings;
    private final Map<Side, Instances> sides = new EnumMap<>(Side.class);
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    Proxy(GatewaySettings settings, Clock clock) {
        this.settings = settings;
        for (Side side : Side.values()) sides.put(side, new Instances(settings.instancesOf(side), settings.downFor(), clock));
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        Routes.Route route = Routes.of(request.getMethod(), path);
        if (route == null) {
            error(response, 404, "NOT_FOUND", "No such endpoint");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        if (route instanceof Routes.ToSide to) {
            forward(to.side(), request, body, response);
        } else if (route instanceof Routes.ToOwningSide) {
            HttpResponse<byte[]> fromQuerySide = exchange(Side.QUERY, request, body);
            if (fromQuerySide != null && fromQuerySide.statusCode() != 404) copy(fromQuerySide, response);
            else forward(Side.COMMAND, request, body, response);
        } else {
            gather(request, body, response);
        }
    }

    /** Streams one instance's answer back to the client. */
    private void forward(Side side, HttpServletRequest request, byte[] body, HttpServletResponse response) throws IOException {
        boolean idempotent = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS").contains(request.getMethod());
        for (URI instance : sides.get(side).inOrder()) {
            HttpResponse<InputStream> answer;
            try {
                answer = client.send(upstream(instance, request, body), HttpResponse.BodyHandlers.ofInputStream());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                sides.get(side).refused(instance);
                continue;
            } catch (IOException e) {
                if (idempotent) {
                    log.debug("{} {} failed on {}, trying the next instance", request.getMethod(), request.getRequestURI(), instance, e);
                    continue;
                }
                error(response, 502, "BAD_GATEWAY", "The service stopped while handling the request; its outcome is unknown");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error(response, 503, "SERVICE_UNAVAILABLE", "The gateway is shutting down");
                return;
            }
            sides.get(side).answered(instance);
            stream(answer, response);
            return;
        }
        unavailable(response, side);
    }

    private void stream(HttpResponse<InputStream> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.statusCode());
        copyHeaders(answer, response);
        try (InputStream in = answer.body()) {
            OutputStream out = response.getOutputStream();
            response.flushBuffer(); // status and headers now: an SSE client sees its stream open at once
            byte[] buffer = new byte[CHUNK];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away, or the instance died mid-answer: either way this exchange is over
            log.debug("An answer was cut short", e);
        }
    }

    /** A whole answer from one instance of the side, or null when none could be reached. */
    private HttpResponse<byte[]> exchange(Side side, HttpServletRequest request, byte[] body) throws IOException {
        for (URI instance : sides.get(side).inOrder()) {
            try {
                HttpResponse<byte[]> answer = client.send(upstream(instance, request, body), HttpResponse.BodyHandlers.ofByteArray());
                sides.get(side).answered(instance);
                return answer;
            } catch (ConnectException | HttpConnectTimeoutException e) {
                sides.get(side).refused(instance);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** The projection list: each side lists its own processors; the client sees them all. */
    private void gather(HttpServletRequest request, byte[] body, HttpServletResponse response) throws IOException {
        ArrayNode all = json.createArrayNode();
        for (Side side : Side.values()) {
            HttpResponse<byte[]> answer = exchange(side, request, body);
            if (answer == null) {
                unavailable(response, side);
                return;
            }
            if (answer.statusCode() != 200) {
                copy(answer, response);
                return;
            }
            JsonNode items = json.readTree(answer.body());
            if (items.isArray()) all.addAll((ArrayNode) items);
        }
        response.setStatus(200);
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), all);
    }

    private void copy(HttpResponse<byte[]> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.statusCode());
        copyHeaders(answer, response);
        response.getOutputStream().write(answer.body());
    }

    private HttpRequest upstream(URI instance, HttpServletRequest request, byte[] body) {
        String query = request.getQueryString();
        URI target = URI.create(instance.toString().replaceAll("/+$", "") + request.getRequestURI() + (query == null ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target);
        boolean streaming = acceptsEventStream(request);
        if (!streaming) builder.timeout(settings.readTimeout());
        for (String name : Collections.list(request.getHeaderNames())) {
            if (NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) continue;
            for (String value : Collections.list(request.getHeaders(name))) builder.header(name, value);
        }
        String forwardedFor = request.getHeader("X-Forwarded-For");
        builder.header("X-Forwarded-For", forwardedFor == null ? request.getRemoteAddr() : forwardedFor + ", " + request.getRemoteAddr());
        builder.header("X-Forwarded-Proto", request.getScheme());
        if (request.getHeader("Host") != null) builder.header("X-Forwarded-Host", request.getHeader("Host"));
        HttpRequest.BodyPublisher publisher = body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        return builder.method(request.getMethod(), publisher).build();
    }

    private static boolean acceptsEventStream(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return (accept != null && accept.contains("text/event-stream")) || request.getRequestURI().endsWith("/stream");
    }

    private static void copyHeaders(HttpResponse<?> answer, HttpServletResponse response) {
        answer.headers().map().forEach((name, values) -> {
            if (NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) || name.startsWith(":")) return;
            for (String value : values) response.addHeader(name, value);
        });
    }

    private void unavailable(HttpServletResponse response, Side side) throws IOException {
        error(response, 503, "SERVICE_UNAVAILABLE", "No " + (side == Side.COMMAND ? "command-side" : "query-side")
                + " instance can be reached right now; try again shortly");
    }

    private void error(HttpServletResponse response, int code, String type, String message) throws IOException {
        if (response.isCommitted()) return;
        response.setStatus(code);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("type", type);
        detail.put("message", message);
        Map<String, Object> shape = new java.util.LinkedHashMap<>();
        shape.put("code", code);
        shape.put("status", "error");
        shape.put("error", detail);
        json.writeValue(response.getOutputStream(), shape);
    }

    List<URI> instances(Side side) {
        return new ArrayList<>(settings.instancesOf(side));
    }
}
