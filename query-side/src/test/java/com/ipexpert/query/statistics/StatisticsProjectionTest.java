package com.ipexpert.query.statistics;

import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseEvents.AnalysisOutcomeRecorded;
import com.ipexpert.api.cases.CaseEvents.CaseClosed;
import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseEvents.CaseSolved;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.api.statistics.StatisticsQueries.FindStatistics;
import com.ipexpert.api.statistics.StatisticsQueries.ListStatisticsCases;
import com.ipexpert.api.statistics.StatisticsViews.CategoryCount;
import com.ipexpert.api.statistics.StatisticsViews.Statistics;
import com.ipexpert.api.statistics.StatisticsViews.TrendPoint;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The statistics projection on the real schema (H2 in PostgreSQL mode): counts move with a case, once. */
class StatisticsProjectionTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final Instant OPENED = Instant.parse("2026-11-20T08:00:00Z");
    private static final CaseId CASE = CaseId.of("case-1");
    private StatisticsProjection projection;
    private StatisticsQueryHandlers queries;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:statistics-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        projection = new StatisticsProjection(jdbc);
        queries = new StatisticsQueryHandlers(jdbc, new KnowledgeCoverageSource(jdbc, null, new com.fasterxml.jackson.databind.ObjectMapper(),
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(db)));
    }

    private static CaseOpened opened(CaseId id, Instant at) {
        return new CaseOpened(id, "u-1", "OSPF邻居状态卡在ExStart", "OSPF邻居状态卡在ExStart", List.of(),
                NodeId.of(id + "-q"), NodeId.of(id + "-a"), RetrievalSettings.defaults(), at);
    }

    private static AnalysisOutcomeRecorded classified(CaseId id, String category) {
        return new AnalysisOutcomeRecorded(id, NodeId.of(id + "-a"), AnalysisOutcome.CLARIFICATION, category, "Huawei",
                "summary", List.of(), OPENED.plusSeconds(5));
    }

    private Statistics week() {
        return queries.handle(new FindStatistics(DAY.plusDays(2), 7));
    }

    private static TrendPoint point(Statistics stats, LocalDate day) {
        return stats.resolutionTrend().stream().filter(p -> p.date().equals(day.toString())).findFirst().orElseThrow();
    }

    @Test
    void a_reclassified_case_moves_its_counts_to_its_new_category() {
        projection.on(opened(CASE, OPENED), OPENED);
        projection.on(classified(CASE, "interface/optics"));
        projection.on(new CaseSolved(CASE, OPENED.plusSeconds(600)), OPENED.plusSeconds(600));
        projection.on(classified(CASE, "OSPF"));

        Statistics stats = week();
        assertThat(stats.faultCategories()).containsExactly(new CategoryCount("OSPF", 1));
        assertThat(point(stats, DAY)).isEqualTo(new TrendPoint(DAY.toString(), 1.0, 1, 1));
        assertThat(queries.handle(new ListStatisticsCases("ospf", "huawei", DAY, "solved", 1, 10)).total()).isEqualTo(1);
    }

    @Test
    void a_redelivered_event_counts_once() {
        projection.on(opened(CASE, OPENED), OPENED);
        projection.on(opened(CASE, OPENED), OPENED);
        projection.on(classified(CASE, "OSPF"));
        projection.on(classified(CASE, "OSPF"));
        projection.on(new CaseSolved(CASE, OPENED.plusSeconds(600)), OPENED.plusSeconds(600));
        projection.on(new CaseSolved(CASE, OPENED.plusSeconds(600)), OPENED.plusSeconds(600));

        Statistics stats = week();
        assertThat(stats.faultCategories()).containsExactly(new CategoryCount("OSPF", 1));
        assertThat(point(stats, DAY)).isEqualTo(new TrendPoint(DAY.toString(), 1.0, 1, 1));
    }

    @Test
    void a_case_not_classified_yet_counts_in_the_trend_but_not_among_categories() {
        projection.on(opened(CASE, OPENED), OPENED);
        projection.on(opened(CaseId.of("case-2"), OPENED.plusSeconds(60)), OPENED.plusSeconds(60));
        projection.on(classified(CaseId.of("case-2"), "BGP"));

        Statistics stats = week();
        assertThat(stats.faultCategories()).containsExactly(new CategoryCount("BGP", 1));
        assertThat(point(stats, DAY)).isEqualTo(new TrendPoint(DAY.toString(), 0.0, 2, 0));
        assertThat(stats.resolutionTrend()).hasSize(7);
        assertThat(stats.resolutionTrend().get(6).date()).isEqualTo(DAY.plusDays(2).toString());
    }

    @Test
    void a_solved_case_closed_later_still_counts_as_solved_on_its_day() {
        projection.on(opened(CASE, OPENED), OPENED);
        projection.on(new CaseSolved(CASE, OPENED.plusSeconds(600)), OPENED.plusSeconds(600));
        projection.on(new CaseClosed(CASE, "u-1", OPENED.plusSeconds(900)));

        assertThat(point(week(), DAY).solved()).isEqualTo(1);
        assertThat(queries.handle(new ListStatisticsCases(null, null, DAY, "solved", 1, 10)).items().get(0).status())
                .isEqualTo("closed");
        assertThat(queries.handle(new ListStatisticsCases(null, null, DAY, "open", 1, 10)).total()).isZero();
    }

    @Test
    void a_reset_clears_the_read_model_for_a_replay() {
        projection.on(opened(CASE, OPENED), OPENED);
        projection.reset();
        assertThat(point(week(), DAY).opened()).isZero();
        projection.on(opened(CASE, OPENED), OPENED);
        assertThat(point(week(), DAY).opened()).isEqualTo(1);
    }
}
