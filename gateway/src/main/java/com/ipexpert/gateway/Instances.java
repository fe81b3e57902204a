package com.ipexpert.gateway;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The instances of one side in round-robin order. An instance that refused a connection sits out for a while
 * ({@code downFor}), so requests stop paying the refusal; once that time is up it is tried again. When every
 * instance is marked down they are all offered anyway: better a try than a certain 503.
 */
final class Instances {
    private final List<URI> all;
    private final Duration downFor;
    private final Clock clock;
    private final AtomicLong next = new AtomicLong();
    private final Map<URI, Instant> downUntil = new ConcurrentHashMap<>();

    Instances(List<URI> all, Duration downFor, Clock clock) {
        this.all = List.copyOf(all);
        this.downFor = downFor;
        this.clock = clock;
    }

    /** Every instance, each once, in the order to try them for one request: live ones first, in rotation. */
    List<URI> inOrder() {
        if (all.isEmpty()) return List.of();
        int start = (int) Math.floorMod(next.getAndIncrement(), (long) all.size());
        Instant now = clock.instant();
        List<URI> live = new ArrayList<>();
        List<URI> resting = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            URI instance = all.get((start + i) % all.size());
            Instant until = downUntil.get(instance);
            if (until == null || !until.isAfter(now)) live.add(instance);
            else resting.add(instance);
        }
        live.addAll(resting);
        return live;
    }

    void refused(URI instance) {
        downUntil.put(instance, clock.instant().plus(downFor));
    }

    void answered(URI instance) {
        downUntil.remove(instance);
    }
}
