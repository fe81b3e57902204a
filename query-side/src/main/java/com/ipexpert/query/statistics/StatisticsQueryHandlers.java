package com.ipexpert.query.statistics;

import com.ipexpert.api.statistics.StatisticsQueries.FindStatistics;
import com.ipexpert.api.statistics.StatisticsQueries.ListStatisticsCases;
import com.ipexpert.api.statistics.StatisticsViews.CategoryCount;
import com.ipexpert.api.statistics.StatisticsViews.Statistics;
import com.ipexpert.api.statistics.StatisticsViews.StatisticsCase;
import com.ipexpert.api.statistics.StatisticsViews.StatisticsCasePage;
import com.ipexpert.api.statistics.StatisticsViews.TrendPoint;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers the dashboard from the statistics counters, and lists the cases behind a number. */
@Component
class StatisticsQueryHandlers {
    private final JdbcClient jdbc;
    private final KnowledgeCoverageSource coverage;

    StatisticsQueryHandlers(JdbcClient jdbc, KnowledgeCoverageSource coverage) {
        this.jdbc = jdbc;
        this.coverage = coverage;
    }

    @QueryHandler
    Statistics handle(FindStatistics query) {
        LocalDate first = query.today().minusDays(query.days() - 1L);
        List<CategoryCount> categories = jdbc.sql("""
                        select category, sum(opened) from statistics_daily
                         where opened_day between ? and ? and category <> ?
                         group by category having sum(opened) > 0
                         order by sum(opened) desc, category""")
                .params(first, query.today(), StatisticsProjection.UNCLASSIFIED)
                .query((rs, n) -> new CategoryCount(rs.getString(1), rs.getLong(2))).list();
        record Day(long opened, long solved) {
        }
        Map<LocalDate, Day> days = new HashMap<>();
        jdbc.sql("select opened_day, sum(opened), sum(solved) from statistics_daily where opened_day between ? and ? group by opened_day")
                .params(first, query.today())
                .query(rs -> {
                    days.put(rs.getObject(1, LocalDate.class), new Day(rs.getLong(2), rs.getLong(3)));
                });
        List<TrendPoint> trend = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(query.today()); day = day.plusDays(1)) {
            Day counts = days.getOrDefault(day, new Day(0, 0));
            double rate = counts.opened() == 0 ? 0 : Math.round(100.0 * counts.solved() / counts.opened()) / 100.0;
            trend.add(new TrendPoint(day.toString(), rate, counts.opened(), counts.solved()));
        }
        return new Statistics(categories, trend, coverage.current());
    }

    @QueryHandler
    StatisticsCasePage handle(ListStatisticsCases query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.category() != null) {
            where.append(" and lower(category) = lower(?)");
            params.add(query.category());
        }
        if (query.vendor() != null) {
            where.append(" and lower(vendor) = lower(?)");
            params.add(query.vendor());
        }
        if (query.day() != null) {
            where.append(" and opened_day = ?");
            params.add(query.day());
        }
        if ("solved".equals(query.status())) {
            where.append(" and solved_at is not null"); // the trend's "solved": solved at some point, closed since or not
        } else if (query.status() != null) {
            where.append(" and status = ?");
            params.add(query.status());
        }
        long total = jdbc.sql("select count(*) from statistics_case" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(query.pageSize());
        paged.add((long) (query.page() - 1) * query.pageSize());
        List<StatisticsCase> items = jdbc.sql("""
                        select case_id, title, category, vendor, status, created_at, solved_at from statistics_case"""
                        + where + " order by created_at desc, case_id limit ? offset ?")
                .params(paged)
                .query((rs, n) -> new StatisticsCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7))))
                .list();
        return new StatisticsCasePage(items, total, query.page(), query.pageSize());
    }

    private static java.time.Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
