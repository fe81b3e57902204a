package com.ipexpert.http;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock (command times, "today" of the statistics) as real time shifted by an offset a test sets,
 * so a test can act on earlier days. Tests that shift it put it back ({@link #reset()}) when done.
 */
@TestConfiguration
public class TestClock {
    private static volatile Duration offset = Duration.ZERO;

    public static void shift(Duration by) {
        offset = by;
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Bean
    @Primary
    Clock shiftableClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.offset(Clock.system(zone), offset);
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            }
        };
    }
}
