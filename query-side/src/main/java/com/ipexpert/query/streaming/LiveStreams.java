package com.ipexpert.query.streaming;

import com.ipexpert.edge.errors.ApiException;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns an Axon subscription query into a Server-Sent Events stream: the initial result first, then every update
 * as it is emitted; the subscription is cancelled when the client goes away, the stream times out or fails.
 */
public final class LiveStreams {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration INITIAL_WAIT = Duration.ofSeconds(10);

    private LiveStreams() {
    }

    /**
     * @param initialName the event name of the first, whole answer
     * @param updateName  the event name of each update
     * @param notFound    the refusal when there is nothing to stream (no initial result)
     */
    public static <I, U> SseEmitter open(SubscriptionQueryResult<Optional<I>, U> subscription, String initialName,
                                         Function<U, String> updateName, Supplier<ApiException> notFound) {
        Optional<I> initial = subscription.initialResult().block(INITIAL_WAIT);
        if (initial == null || initial.isEmpty()) {
            subscription.cancel();
            throw notFound.get();
        }
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        try {
            emitter.send(SseEmitter.event().name(initialName).data(initial.get(), MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            subscription.cancel();
            return emitter;
        }
        var disposable = subscription.updates().subscribe(update -> {
            try {
                emitter.send(SseEmitter.event().name(updateName.apply(update)).data(update, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                subscription.cancel();
            }
        }, emitter::completeWithError, emitter::complete);
        Runnable cleanup = () -> {
            disposable.dispose();
            subscription.cancel();
        };
        emitter.onCompletion(cleanup);
        emitter.onTimeout(cleanup);
        emitter.onError(e -> cleanup.run());
        return emitter;
    }
}
