package com.ipexpert.analyst.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.ipexpert.analyst.AnalystFailure;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Turns what a model call threw into an {@link AnalystFailure} the agent can act on: a rate limit (429), a server
 * error (5xx), a timeout or an unreachable endpoint may pass on the next attempt; any other refusal (400, 401, 403,
 * 404: a bad request, a rejected key, an unknown model) will not, so the node fails at once. Messages name the
 * status and the endpoint's own short explanation, with anything that looks like a key masked.
 */
final class ModelErrors {
    private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk-|Bearer\\s+)[A-Za-z0-9*._-]{4,}|\\b[A-Za-z0-9_-]{32,}\\b");

    private ModelErrors() {
    }

    static AnalystFailure failureOf(RuntimeException e, Duration timeout) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) return ofStatus(http.statusCode(), http.getMessage(), e);
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return AnalystFailure.retryable("the model did not answer within " + timeout.toMillis() + " ms", e);
            }
            if (t.getCause() == t) break;
        }
        if (e instanceof NonRetriableException) {
            return AnalystFailure.notRetryable("the model endpoint refused the request (" + e.getClass().getSimpleName() + ")", e);
        }
        return AnalystFailure.retryable("the model endpoint could not be reached (" + rootOf(e).getClass().getSimpleName() + ")", e);
    }

    static AnalystFailure ofStatus(int status, String body, Throwable cause) {
        String said = explanation(body);
        String suffix = said.isEmpty() ? "" : ": " + said;
        if (status == 429) return AnalystFailure.retryable("the model endpoint is rate limiting (HTTP 429)" + suffix, cause);
        if (status == 408) return AnalystFailure.retryable("the model endpoint timed out (HTTP 408)" + suffix, cause);
        if (status >= 500) return AnalystFailure.retryable("the model endpoint failed (HTTP " + status + ")" + suffix, cause);
        String what = switch (status) {
            case 401 -> "rejected the API key";
            case 403 -> "refused access";
            case 404 -> "does not know the model or path";
            default -> "refused the request";
        };
        return AnalystFailure.notRetryable("the model endpoint " + what + " (HTTP " + status + ")" + suffix, cause);
    }

    /** The endpoint's {@code error.message}, short and with keys masked; nothing when the body is not such JSON. */
    private static String explanation(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            JsonNode root = JsonMapper.builder().build().readTree(body);
            JsonNode message = root.path("error").path("message");
            if (!message.isTextual()) message = root.path("message");
            if (!message.isTextual()) return "";
            String text = KEY_LIKE.matcher(message.asText().strip()).replaceAll("***");
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        } catch (Exception notJson) {
            return "";
        }
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }
}
