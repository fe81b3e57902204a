package com.ipexpert.gateway;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InstancesTest {
    private static final URI A = URI.create("http://127.0.0.1:1");
    private static final URI B = URI.create("http://127.0.0.1:2");
    private static final URI C = URI.create("http://127.0.0.1:3");

    @Test
    void requests_take_turns_over_the_instances() {
        Instances instances = new Instances(List.of(A, B, C), Duration.ofSeconds(5), Clock.systemUTC());
        assertThat(instances.inOrder()).containsExactly(A, B, C);
        assertThat(instances.inOrder()).containsExactly(B, C, A);
        assertThat(instances.inOrder()).containsExactly(C, A, B);
    }

    @Test
    void an_instance_that_refused_is_tried_last_until_its_rest_is_over() {
        MutableClock clock = new MutableClock();
        Instances instances = new Instances(List.of(A, B), Duration.ofSeconds(5), clock);
        instances.refused(A);
        assertThat(instances.inOrder()).containsExactly(B, A);
        assertThat(instances.inOrder()).containsExactly(B, A);
        clock.now = clock.now.plusSeconds(6);
        assertThat(instances.inOrder()).containsExactly(A, B);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
