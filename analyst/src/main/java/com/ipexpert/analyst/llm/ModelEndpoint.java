package com.ipexpert.analyst.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

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
 * @param stream      whether replies stream token by token ({@code "stream": true}), so a step's text can be shown
 *                    while it is written; the complete reply is what the step decides on either way
 */
public record ModelEndpoint(String baseUrl, String apiKey, String model, Duration timeout, Double temperature,
                            Integer maxTokens, boolean stream) {

    public ModelEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        if (apiKey == null || apiKey.isBlank()) throw new IllegalArgumentException("an API key is required");
    }

    /** A streaming endpoint. */
    public ModelEndpoint(String baseUrl, String apiKey, String model, Duration timeout, Double temperature, Integer maxTokens) {
        this(baseUrl, apiKey, model, timeout, temperature, maxTokens, true);
    }

    /** How the analyst calls this endpoint: streamed or whole, as configured. */
    ModelCall call() {
        return stream ? ModelCall.streamed(streamingChatModel(), timeout) : ModelCall.whole(chatModel());
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

    /** The streaming chat model for this endpoint: the same settings, usage reported at the end of the stream. */
    public StreamingChatModel streamingChatModel() {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(model)
                .timeout(timeout)
                .temperature(temperature)
                .maxTokens(maxTokens)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    @Override
    public String toString() {
        return "ModelEndpoint[baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + ", temperature="
                + temperature + ", maxTokens=" + maxTokens + ", stream=" + stream + ", apiKey=***]";
    }
}
