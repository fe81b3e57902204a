package com.ipexpert.analyst.llm;

import com.ipexpert.analyst.AnalystFailure;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One request to the model, answered whole: either in one response, or streamed, with each piece of text handed to
 * a listener as it arrives. Failures are thrown as the model client threw them, for {@link ModelErrors} to read;
 * a streamed reply that does not end within the timeout is cancelled and fails as a timeout.
 */
@FunctionalInterface
interface ModelCall {

    ChatResponse chat(ChatRequest request, Consumer<String> partialText);

    /** The whole reply in one response; nothing streams. */
    static ModelCall whole(ChatModel model) {
        return (request, partialText) -> model.chat(request);
    }

    /** The reply streamed piece by piece; the call still returns the complete response, or fails. */
    static ModelCall streamed(StreamingChatModel model, Duration timeout) {
        return (request, partialText) -> {
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            AtomicReference<StreamingHandle> handle = new AtomicReference<>();
            model.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    handle.compareAndSet(null, context.streamingHandle());
                    if (done.isDone()) {
                        context.streamingHandle().cancel();
                        return;
                    }
                    partialText.accept(partial.text());
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            try {
                return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                cancel(done, handle);
                throw AnalystFailure.retryable("the model did not finish its reply within " + timeout.toMillis() + " ms", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(done, handle);
                throw AnalystFailure.retryable("the model call was interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) throw runtime;
                throw new IllegalStateException(cause);
            }
        };
    }

    private static void cancel(CompletableFuture<ChatResponse> done, AtomicReference<StreamingHandle> handle) {
        done.cancel(false);
        StreamingHandle h = handle.get();
        if (h != null && !h.isCancelled()) h.cancel();
    }
}
