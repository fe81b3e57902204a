package com.ipexpert.edge.messaging;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The event store's head for reads arriving at once: one lookup answers every read that arrived before it started,
 * so fifty concurrent reads cost the store one or two queries, not fifty. A read never takes a head looked up before
 * it arrived (that could miss a write acknowledged just before it): it joins the next lookup not yet started, which
 * starts as soon as the one on its way has answered.
 */
final class SharedHead {
    private final Supplier<OptionalLong> lookup;
    /** The lookup readers may still join; it has not started. */
    private CompletableFuture<OptionalLong> next;
    /** The lookup on its way (or the last one, done). */
    private CompletableFuture<OptionalLong> running = CompletableFuture.completedFuture(OptionalLong.empty());

    SharedHead(Supplier<OptionalLong> lookup) {
        this.lookup = lookup;
    }

    OptionalLong get() {
        CompletableFuture<OptionalLong> mine;
        CompletableFuture<OptionalLong> before = null;
        synchronized (this) {
            if (next != null) {
                mine = next;
            } else {
                mine = next = new CompletableFuture<>();
                before = running;
            }
        }
        if (before != null) lead(mine, before);
        try {
            return mine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw e;
        }
    }

    /** This reader opened the lookup: it runs it once the previous one has answered, closing it to later readers. */
    private void lead(CompletableFuture<OptionalLong> mine, CompletableFuture<OptionalLong> before) {
        try {
            before.handle((head, failure) -> null).join();
        } finally {
            synchronized (this) {
                next = null;
                running = mine;
            }
        }
        try {
            mine.complete(lookup.get());
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
    }
}
