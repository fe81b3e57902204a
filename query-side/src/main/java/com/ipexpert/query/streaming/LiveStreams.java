package com.ipexpert.query.streaming;

import com.ipexpert.edge.errors.ApiException;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns an Axon subscription query into a Server-Sent Events stream: the initial result first, then every update
 * as it is emitted, with any further events that travel alongside (drafts of running steps); everything is cancelled
 * when the client goes away, the stream times out or fails. Events are written on a thread of their own, never on
 * the thread that emitted them, so a slow client cannot hold up a projection or an analysis step.
 *
 * <p>A client opens a stream right after it created what it watches: the endpoint reads from its projection
 * ({@code ReadsFrom}), so the request waits (bounded) for it to catch up before the one subscription is made.
 */
public final class LiveStreams {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration INITIAL_WAIT = Duration.ofSeconds(10);

    private LiveStreams() {
    }

    /** One named event of a stream. */
    public record Event(String name, Object data) {
    }

    /**
     * @param initialName the event name of the first, whole answer
     * @param updateName  the event name of each update
     * @param notFound    the refusal when there is nothing to stream (no initial result)
     */
    public static <I, U> SseEmitter open(Supplier<SubscriptionQueryResult<I, U>> subscribe, String initialName,
                                         Function<U, String> updateName, Supplier<ApiException> notFound) {
        return open(subscribe, initialName, updateName, notFound, Flux::empty);
    }

    /**
     * As above, with {@code alongside} merged into the updates once the initial answer has shown there is something
     * to stream (it is not even asked for otherwise); its failure ends only its own events, never the stream.
     */
    public static <I, U> SseEmitter open(Supplier<SubscriptionQueryResult<I, U>> subscribe, String initialName,
                                         Function<U, String> updateName, Supplier<ApiException> notFound,
                                         Supplier<Flux<Event>> alongside) {
        // The request waited for the read model before it got here (ReadsFrom): one subscription answers or it is 404.
        // Asked as instanceOf, not optionalInstanceOf (Axon Server cannot carry an Optional): a handler's empty
        // Optional arrives as an empty first answer, which means "not there".
        SubscriptionQueryResult<I, U> subscription = subscribe.get();
        I initial = subscription.initialResult().block(INITIAL_WAIT);
        if (initial == null) {
            subscription.cancel();
            throw notFound.get();
        }
        SubscriptionQueryResult<I, U> opened = subscription;
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        try {
            emitter.send(SseEmitter.event().name(initialName).data(initial, MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            subscription.cancel();
            return emitter;
        }
        Flux<Event> updates = subscription.updates().map(update -> new Event(updateName.apply(update), update));
        Flux<Event> others = Flux.defer(alongside).onErrorResume(e -> Flux.empty());
        var disposable = Flux.merge(updates, others)
                .publishOn(Schedulers.boundedElastic())
                .subscribe(event -> {
                    try {
                        emitter.send(SseEmitter.event().name(event.name()).data(event.data(), MediaType.APPLICATION_JSON));
                    } catch (IOException | IllegalStateException e) {
                        opened.cancel();
                    }
                }, emitter::completeWithError, emitter::complete);
        Runnable cleanup = () -> {
            disposable.dispose();
            opened.cancel();
        };
        emitter.onCompletion(cleanup);
        emitter.onTimeout(cleanup);
        emitter.onError(e -> cleanup.run());
        return emitter;
    }
}
