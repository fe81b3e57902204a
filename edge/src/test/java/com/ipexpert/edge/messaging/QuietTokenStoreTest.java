package com.ipexpert.edge.messaging;

import com.ipexpert.edge.SettableClock;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** A processor that handled nothing writes its token at most every interval; everything else is written at once. */
class QuietTokenStoreTest {
    private static final String PROCESSOR = "ingestion-saga";
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-20T08:00:00Z"));
    private TokenStore stored;
    private ProcessorPositions positions;
    private QuietTokenStore tokens;

    @BeforeEach
    void setUp() {
        stored = spy(new InMemoryTokenStore());
        stored.initializeTokenSegments(PROCESSOR, 1);
        positions = new ProcessorPositions();
        tokens = new QuietTokenStore(stored, positions, Duration.ofSeconds(2), clock);
    }

    private static TrackingToken at(long index) {
        return GapAwareTrackingToken.newInstance(index, List.of());
    }

    @Test
    void positions_skipped_over_are_written_once_per_interval_but_reported_at_once() {
        tokens.storeToken(at(1), PROCESSOR, 0);
        tokens.storeToken(at(2), PROCESSOR, 0);
        tokens.storeToken(at(3), PROCESSOR, 0);

        verify(stored, times(1)).storeToken(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.eq(PROCESSOR),
                org.mockito.ArgumentMatchers.eq(0));
        assertThat(positions.committed(PROCESSOR, 0)).isEqualTo(at(3));
        assertThat(tokens.skipped()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(3));
        tokens.storeToken(at(4), PROCESSOR, 0);
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(at(4));
    }

    @Test
    void a_batch_that_handled_events_is_written_every_time() {
        tokens.storeToken(at(1), PROCESSOR, 0);
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));
        try {
            tokens.storeToken(at(2), PROCESSOR, 0);
        } finally {
            batch.commit();
        }
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(at(2));
        assertThat(tokens.written()).isEqualTo(2);
    }

    @Test
    void a_reset_is_written_at_once() {
        tokens.storeToken(at(5), PROCESSOR, 0);
        TrackingToken reset = ReplayToken.createReplayToken(at(5), null);
        tokens.storeToken(reset, PROCESSOR, 0);
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(reset);
    }

    @Test
    void a_waiting_reader_is_woken_by_the_next_position() {
        var next = positions.nextAdvance(PROCESSOR);
        assertThat(next).isNotDone();
        tokens.storeToken(at(7), PROCESSOR, 0);
        assertThat(next).isDone();
    }
}
