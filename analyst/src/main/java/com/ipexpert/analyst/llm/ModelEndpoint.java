package com.ipexpert.analyst.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the LLM analyst's model answers: any endpoint that speaks OpenAI's chat-completions protocol (OpenAI,
 * DashScope in compatible mode, vLLM, Ollama's {@code /v1}). {@link #toString()} never shows the key.
 *
 * @param baseUrl     the API root, e.g. {@code https://api.openai.com/v1}; requests go to {@code <baseUrl>/chat/completions}
 * @param apiKey      the bearer key
 * @param model       the model's name as the endpoint knows it
 * @param timeout     how long one request may take, connecting and reading
 * @param temperature sampling temperature, or null for the endpoint's default
 * @param maxTokens   the longest reply, or null for the endpoint's default
 */
public record ModelEndpoint(String baseUrl, String apiKey, String model, Duration timeout, Double temperature,
                            Integer maxTokens) {

    public ModelEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        if (apiKey == null || apiKey.isBlank()) throw new IllegalArgumentException("an API key is required");
    }

    /**
     * The chat model for this endpoint. It never retries by itself (the agent's saga owns retries, with backoff and
     * an event per attempt) and never logs requests or responses (they hold the engineer's case).
     */
    public ChatModel chatModel() {
        return OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(model)
                .timeout(timeout)
                .temperature(temperature)
                .maxTokens(maxTokens)
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    @Override
    public String toString() {
        return "ModelEndpoint[baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + ", temperature="
                + temperature + ", maxTokens=" + maxTokens + ", apiKey=***]";
    }
}
