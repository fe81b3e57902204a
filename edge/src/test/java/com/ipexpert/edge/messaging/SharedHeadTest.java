package com.ipexpert.edge.messaging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads arriving at once share a head lookup, but none is answered by a lookup that started before it arrived. */
class SharedHeadTest {

    @Test
    void concurrent_reads_share_lookups_and_each_gets_a_head_looked_up_after_it_arrived() throws Exception {
        AtomicLong clock = new AtomicLong();
        AtomicInteger lookups = new AtomicInteger();
        SharedHead head = new SharedHead(() -> {
            lookups.incrementAndGet();
            long startedAt = clock.incrementAndGet();
            sleep(20);
            return OptionalLong.of(startedAt);
        });
        int readers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> reads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            reads.add(pool.submit(() -> {
                go.await();
                long[] arrivedAndGot = new long[2];
                for (int round = 0; round < 5; round++) {
                    long arrived = clock.incrementAndGet();
                    long got = head.get().getAsLong();
                    if (got <= arrived) return new long[]{arrived, got};
                    arrivedAndGot = new long[]{arrived, got};
                }
                return arrivedAndGot;
            }));
        }
        go.countDown();
        for (Future<long[]> read : reads) {
            long[] r = read.get();
            assertThat(r[1]).as("a head looked up after the read arrived").isGreaterThan(r[0]);
        }
        pool.shutdown();
        assertThat(lookups.get()).as("lookups for %d reads", readers * 5).isLessThan(readers * 5 / 3);
    }

    @Test
    void a_failed_lookup_fails_its_reads_and_the_next_read_looks_again() {
        AtomicInteger calls = new AtomicInteger();
        SharedHead head = new SharedHead(() -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("database down");
            return OptionalLong.of(7);
        });
        assertThatThrownBy(head::get).isInstanceOf(IllegalStateException.class).hasMessage("database down");
        assertThat(head.get()).hasValue(7);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
