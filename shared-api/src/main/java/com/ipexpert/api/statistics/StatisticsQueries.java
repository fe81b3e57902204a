package com.ipexpert.api.statistics;

import java.time.LocalDate;

/** What the statistics read model answers. Days are UTC dates; "today" is the caller's, so handlers need no clock. */
public final class StatisticsQueries {
    private StatisticsQueries() {
    }

    /** The dashboard over the {@code days} UTC days ending with {@code today}. */
    public record FindStatistics(LocalDate today, int days) {
    }

    /** The cases behind a number; null filters match everything. {@code solved} means solved at some point. */
    public record ListStatisticsCases(String category, String vendor, LocalDate day, String status, int page,
                                      int pageSize) {
    }
}
