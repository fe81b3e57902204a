package com.ipexpert.edge.messaging;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Read-your-writes for every read model: a read first takes the event store's head (its last stored event when the
 * read began, which includes everything any client was acknowledged) and waits until each projection it reads from
 * has processed past it, at most {@code maxWait}; then it answers what it has. The wait is a wake-up on each position
 * the projection commits ({@link ProcessorPositions}), never a sleep. Works the same when the projections run in a
 * process apart from the command side, behind Axon Server: the head is the shared event store's. On an instance that
 * runs a projection without holding a segment of it (another instance of the side does), the read waits for the
 * positions that instance stores; one that handled nothing of the latest events writes its position at most every
 * {@code ipexpert.consistency.idle-token-interval}, so such a read may wait up to that long (never past the wait).
 *
 * <p>A JPA event store may hand out positions out of commit order: a projection that has read past the head may have
 * skipped a position still being committed then (a gap). If such a gap below the head has been stored since, the
 * projection has not seen it yet, and the read waits for it too; gaps that never fill (a rolled-back insert) do not
 * hold a read up.
 */
public class ReadYourWrites {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReadYourWrites.class);
    private static final int MAX_GAPS_CHECKED = 500;
    static final Duration LOOK_AGAIN = Duration.ofMillis(25);
    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final Optional<JdbcClient> jdbc;
    private final Optional<StoredTokens> storedTokens;
    private final Duration maxWait;
    private final SharedHead head;

    public ReadYourWrites(EventStore eventStore, EventProcessingConfiguration processing, ProcessorPositions positions,
                          Optional<JdbcClient> jdbc, Duration maxWait) {
        this(eventStore, processing, positions, jdbc, Optional.empty(), maxWait);
    }

    /**
     * @param storedTokens the shared token store, for a projection this instance runs without holding a segment of
     *                     it (another instance of the side holds them): the read waits until the stored positions
     *                     have passed the head, looking again every {@link #LOOK_AGAIN}
     */
    public ReadYourWrites(EventStore eventStore, EventProcessingConfiguration processing, ProcessorPositions positions,
                          Optional<JdbcClient> jdbc, Optional<StoredTokens> storedTokens, Duration maxWait) {
        this.processing = processing;
        this.positions = positions;
        this.jdbc = jdbc;
        this.storedTokens = storedTokens;
        this.maxWait = maxWait;
        this.head = new SharedHead(headLookup(eventStore, jdbc));
    }

    /**
     * The head of an event store in this database (table {@code domain_event_entry}) is one index lookup outside any
     * transaction; any other store (Axon Server) is asked for its head token.
     */
    private static java.util.function.Supplier<OptionalLong> headLookup(EventStore eventStore, Optional<JdbcClient> jdbc) {
        if (eventStore instanceof org.axonframework.eventsourcing.eventstore.EmbeddedEventStore && jdbc.isPresent()) {
            JdbcClient client = jdbc.get();
            return () -> {
                // no event stored yet: one row holding null
                List<Long> max = client.sql("select max(global_index) from domain_event_entry").query(Long.class).list();
                return max.isEmpty() || max.get(0) == null ? OptionalLong.empty() : OptionalLong.of(max.get(0));
            };
        }
        return () -> {
            TrackingToken token = eventStore.createHeadToken();
            return token == null ? OptionalLong.empty() : token.position();
        };
    }

    public Duration maxWait() {
        return maxWait;
    }

    /**
     * Waits until every named projection that runs in this process has processed each event stored now, at most
     * {@link #maxWait()} in all. A projection whose segments another instance holds is waited for through the
     * positions that instance stores.
     *
     * @return whether they all got there in time
     */
    public boolean awaitCurrent(String... processingGroups) {
        if (processingGroups.length == 0 || maxWait.isZero() || maxWait.isNegative()) return true;
        long deadline = System.nanoTime() + maxWait.toNanos();
        OptionalLong target = head.get();
        if (target.isEmpty() || target.getAsLong() < 0) return true;
        boolean all = true;
        for (String group : processingGroups) {
            Optional<StreamingEventProcessor> processor =
                    processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class);
            if (processor.isPresent() && !await(processor.get(), target.getAsLong(), deadline)) {
                all = false;
                log.info("A read answered before projection {} reached position {} (it is at {})", group,
                        target.getAsLong(), processor.get().processingStatus().values().stream()
                                .map(s -> String.valueOf(s.getTrackingToken())).toList());
            }
        }
        return all;
    }

    private boolean await(StreamingEventProcessor processor, long target, long deadline) {
        while (true) {
            CompletableFuture<Void> next = positions.nextAdvance(processor.getName());
            if (passed(processor, target)) return true;
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            try {
                // a commit here wakes the read at once; another instance's commit is seen on the next look
                next.get(Math.min(left, LOOK_AGAIN.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                return false;
            }
        }
    }

    /**
     * Whether every segment this process holds has processed up to {@code target}; if it holds none, whether every
     * segment stored in the shared token store has (another instance holds them; true with no token store).
     */
    private boolean passed(StreamingEventProcessor processor, long target) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) return passedElsewhere(processor.getName(), target);
        for (Map.Entry<Integer, EventTrackerStatus> segment : segments.entrySet()) {
            TrackingToken token = later(segment.getValue().getTrackingToken(),
                    positions.committed(processor.getName(), segment.getKey()));
            if (token == null) return false;
            if (token.position().orElse(-1) < target) return false;
            if (unseenGapBelow(token, target)) return false;
        }
        return true;
    }

    private boolean passedElsewhere(String processor, long target) {
        if (storedTokens.isEmpty()) return true;
        Map<Integer, TrackingToken> stored = storedTokens.get().of(processor).segments();
        for (TrackingToken token : stored.values()) {
            if (token == null || token.position().orElse(-1) < target) return false;
            if (unseenGapBelow(token, target)) return false;
        }
        return true;
    }

    private boolean unseenGapBelow(TrackingToken token, long target) {
        Optional<GapAwareTrackingToken> gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isEmpty() || !gapAware.get().hasGaps() || jdbc.isEmpty()) return false;
        List<Long> gaps = gapAware.get().getGaps().headSet(target + 1).stream().limit(MAX_GAPS_CHECKED).toList();
        if (gaps.isEmpty()) return false;
        Long stored = jdbc.get().sql("select count(*) from domain_event_entry where global_index in (:gaps)")
                .param("gaps", gaps).query(Long.class).single();
        return stored != null && stored > 0;
    }

    private static TrackingToken later(TrackingToken a, TrackingToken b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.position().orElse(-1) >= a.position().orElse(-1) ? b : a;
    }
}
