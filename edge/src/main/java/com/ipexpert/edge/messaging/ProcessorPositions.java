package com.ipexpert.edge.messaging;

import org.axonframework.eventhandling.TrackingToken;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each event processor of this process has got to, as its token store last committed it, and a signal for
 * whoever waits on a processor to move: each processor's {@link #nextAdvance(String)} completes when it commits its
 * next position. Nothing here polls; readers wait on the future, the token store completes it after each commit.
 */
public class ProcessorPositions {
    private final Map<String, Map<Integer, TrackingToken>> committed = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> advances = new ConcurrentHashMap<>();

    /** The processor committed {@code token} for {@code segment}; everyone waiting on it looks again. */
    public void advanced(String processor, int segment, TrackingToken token) {
        if (token == null) return;
        committed.computeIfAbsent(processor, p -> new ConcurrentHashMap<>()).put(segment, token);
        CompletableFuture<Void> signal = advances.remove(processor);
        if (signal != null) signal.complete(null);
    }

    /** Completes at the processor's next committed position; take it before checking, so no advance is missed. */
    public CompletableFuture<Void> nextAdvance(String processor) {
        return advances.computeIfAbsent(processor, p -> new CompletableFuture<>());
    }

    /** The last position committed for that segment in this process, or null. */
    public TrackingToken committed(String processor, int segment) {
        Map<Integer, TrackingToken> segments = committed.get(processor);
        return segments == null ? null : segments.get(segment);
    }
}
