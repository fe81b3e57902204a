package com.ipexpert.edge.messaging;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token store every processor uses, with two additions. It tells {@link ProcessorPositions} each position once it
 * is committed, so reads waiting for a projection wake up when it moves. And a processor that read events it has no
 * handler for (a batch that handled nothing) does not write its token each time: the position is kept in memory and
 * written at most every {@link #idleWriteInterval}, which also keeps the claim fresh; a batch that handled events, a
 * reset, a split or a release writes at once. After a crash such a processor reads again at most that interval's
 * worth of events it ignores anyway.
 *
 * <p>Creating a processor's first tokens is serialized between instances sharing the database
 * ({@link #QuietTokenStore(TokenStore, ProcessorPositions, Duration, Clock, java.util.function.Consumer)}): two
 * instances starting at once each found no token and both inserted, and the slower one met a duplicate key, logged
 * as an SQL error before Axon retried. Now the slower one waits for the first to commit, then finds its tokens and
 * is refused the claim as on any later start.
 */
public class QuietTokenStore implements TokenStore {
    private final TokenStore delegate;
    private final ProcessorPositions positions;
    private final Duration idleWriteInterval;
    private final Clock clock;
    private final Map<String, Instant> lastWrite = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong skipped = new java.util.concurrent.atomic.AtomicLong();

    private final java.util.function.Consumer<String> beforeInitialization;

    public QuietTokenStore(TokenStore delegate, ProcessorPositions positions, Duration idleWriteInterval, Clock clock) {
        this(delegate, positions, idleWriteInterval, clock, processorName -> {
        });
    }

    /**
     * @param beforeInitialization called with the processor's name, in the transaction that creates its first tokens,
     *                             before the store looks whether they exist: a lock held until that transaction ends
     */
    public QuietTokenStore(TokenStore delegate, ProcessorPositions positions, Duration idleWriteInterval, Clock clock,
                           java.util.function.Consumer<String> beforeInitialization) {
        this.delegate = delegate;
        this.positions = positions;
        this.idleWriteInterval = idleWriteInterval;
        this.clock = clock;
        this.beforeInitialization = beforeInitialization;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        String key = processorName + "/" + segment;
        Instant now = clock.instant();
        // Inside a unit of work the processor is handling a batch; outside one it stores the position it skipped to.
        // Only a plain move forward may wait; a reset (replay token) or a merge (merged token) is written at once.
        boolean plainAdvance = token instanceof GapAwareTrackingToken || token instanceof GlobalSequenceTrackingToken;
        boolean handledNothing = !CurrentUnitOfWork.isStarted() && plainAdvance;
        Instant last = lastWrite.get(key);
        if (handledNothing && last != null && now.isBefore(last.plus(idleWriteInterval))) {
            positions.advanced(processorName, segment, token); // nothing to commit: readers may look now
            skipped.incrementAndGet();
            return;
        }
        delegate.storeToken(token, processorName, segment);
        written.incrementAndGet();
        lastWrite.put(key, now);
        afterCommit(() -> positions.advanced(processorName, segment, token));
    }

    /** Token writes this process made, and those it kept in memory instead. */
    public long written() {
        return written.get();
    }

    public long skipped() {
        return skipped.get();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        beforeInitialization.accept(processorName);
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        beforeInitialization.accept(processorName);
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        lastWrite.remove(processorName + "/" + segment);
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, org.axonframework.eventhandling.Segment segment)
            throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        lastWrite.remove(processorName + "/" + segment);
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<org.axonframework.eventhandling.Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
