package com.ipexpert.api.statistics;

import java.time.Instant;
import java.util.List;

/** Read-model shapes of the analysts' dashboard, exactly as the REST contract shows them. */
public final class StatisticsViews {
    private StatisticsViews() {
    }

    public record Statistics(List<CategoryCount> faultCategories, List<TrendPoint> resolutionTrend,
                             List<KnowledgeCoverage> knowledgeCoverage) {
    }

    public record CategoryCount(String name, long value) {
    }

    /** One UTC day: of the cases opened that day, how many are solved; {@code rate} is 0 when none were opened. */
    public record TrendPoint(String date, double rate, long opened, long solved) {
    }

    public record KnowledgeCoverage(String topic, String vendor, int coverage) {
    }

    public record StatisticsCase(String caseId, String title, String category, String vendor, String status,
                                 Instant createdAt, Instant solvedAt) {
    }

    public record StatisticsCasePage(List<StatisticsCase> items, long total, int page, int pageSize) {
    }
}
