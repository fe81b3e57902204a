package com.ipexpert.command.agent;

import com.ipexpert.analyst.llm.ModelEndpoint;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The language model the agent asks, under {@code ipexpert.llm}: any OpenAI-compatible chat endpoint. Without an
 * API key the offline analyst answers. {@link #toString()} never shows the key.
 *
 * @param baseUrl     the API root, e.g. {@code https://dashscope.aliyuncs.com/compatible-mode/v1} or {@code http://localhost:11434/v1}
 * @param apiKey      the bearer key; unset or blank means no model
 * @param model       the model's name as the endpoint knows it
 * @param timeout     how long one model request may take; a step asks at most twice, so keep twice this under {@code ipexpert.agent.step-timeout}
 * @param temperature sampling temperature
 * @param maxTokens   the longest reply
 * @param stream      whether the model's replies stream token by token, so the case's live stream shows the answer
 *                    as it is written; off for an endpoint that cannot stream
 * @param fallbackToOffline whether a step the model cannot answer (unreachable, timeout, 429, 5xx, unreadable reply)
 *                    is answered by the offline analyst at once, its record saying so, instead of failing after retries
 */
@ConfigurationProperties("ipexpert.llm")
public record LlmSettings(@DefaultValue("https://api.openai.com/v1") String baseUrl, String apiKey,
                          @DefaultValue("gpt-4o-mini") String model, @DefaultValue("25s") Duration timeout,
                          @DefaultValue("0.2") Double temperature, @DefaultValue("1500") Integer maxTokens,
                          @DefaultValue("true") boolean stream, @DefaultValue("true") boolean fallbackToOffline) {

    /** What an endpoint without auth (Ollama, vLLM) is sent as a bearer: it ignores it, and the client needs one. */
    static final String NO_KEY = "no-key";

    public LlmSettings {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("ipexpert.llm.timeout must be positive");
        if (temperature != null && (temperature < 0 || temperature > 2)) throw new IllegalArgumentException("ipexpert.llm.temperature must be within 0..2");
        if (maxTokens != null && maxTokens < 1) throw new IllegalArgumentException("ipexpert.llm.max-tokens must be at least 1");
    }

    /** Whether a key is set; without one (a local model at a base URL alone) requests carry a placeholder bearer. */
    public boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }

    public ModelEndpoint endpoint() {
        return new ModelEndpoint(baseUrl, configured() ? apiKey.strip() : NO_KEY, model, timeout, temperature, maxTokens, stream);
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", apiKey=" + (configured() ? "***" : "unset") + ", model=" + model
                + ", timeout=" + timeout + ", temperature=" + temperature + ", maxTokens=" + maxTokens + ", stream=" + stream
                + ", fallbackToOffline=" + fallbackToOffline + "]";
    }
}
