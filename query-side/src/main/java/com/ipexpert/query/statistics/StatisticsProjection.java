package com.ipexpert.query.statistics;

import com.ipexpert.api.cases.CaseEvents.AnalysisOutcomeRecorded;
import com.ipexpert.api.cases.CaseEvents.CaseClosed;
import com.ipexpert.api.cases.CaseEvents.CaseReopened;
import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseEvents.CaseSolved;
import com.ipexpert.api.cases.CaseStatus;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The analysts' dashboard: a row per case (its current category, vendor and status) and counters of cases opened
 * and solved per UTC day of opening and category. A case's category may change as its analysis learns more; its
 * counts move with it. Idempotent: every counter moves only when its case row actually changed.
 */
@Component
@ProcessingGroup(StatisticsProjection.PROCESSING_GROUP)
class StatisticsProjection {
    static final String PROCESSING_GROUP = "statistics";
    /** The counter bucket of cases not classified yet. */
    static final String UNCLASSIFIED = "";
    private final JdbcClient jdbc;

    StatisticsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseOpened e, @Timestamp Instant at) {
        Instant openedAt = e.openedAt() != null ? e.openedAt() : at;
        LocalDate day = LocalDate.ofInstant(openedAt, ZoneOffset.UTC);
        int added = jdbc.sql("""
                        insert into statistics_case (case_id, title, status, opened_day, created_at)
                        select ?, ?, ?, ?, ? where not exists (select 1 from statistics_case where case_id = ?)""")
                .params(e.caseId().value(), e.title(), CaseStatus.OPEN.wire(), day, java.sql.Timestamp.from(openedAt),
                        e.caseId().value())
                .update();
        if (added > 0) count(day, UNCLASSIFIED, 1, 0);
    }

    @EventHandler
    void on(AnalysisOutcomeRecorded e) {
        classify(e.caseId().value(), e.category(), e.vendor());
    }

    /** The node shows the agent's view a moment before the case records it; both count, whichever comes first. */
    @EventHandler
    void on(AnalysisConcluded e) {
        classify(e.caseId().value(), e.category(), e.vendor());
    }

    private void classify(String id, String category, String vendor) {
        if (vendor != null) {
            jdbc.sql("update statistics_case set vendor = ? where case_id = ?").params(vendor, id).update();
        }
        if (category == null) return;
        row(id).filter(row -> !Objects.equals(row.category(), category)).ifPresent(row -> {
            int moved = jdbc.sql("update statistics_case set category = ? where case_id = ? and coalesce(category, '') = ?")
                    .params(category, id, row.category() == null ? UNCLASSIFIED : row.category()).update();
            if (moved == 0) return;
            int solved = row.solved() ? 1 : 0;
            count(row.day(), row.category() == null ? UNCLASSIFIED : row.category(), -1, -solved);
            count(row.day(), category, 1, solved);
        });
    }

    @EventHandler
    void on(CaseSolved e, @Timestamp Instant at) {
        String id = e.caseId().value();
        int solved = jdbc.sql("update statistics_case set status = ?, solved_at = ? where case_id = ? and solved_at is null")
                .params(CaseStatus.SOLVED.wire(), java.sql.Timestamp.from(e.solvedAt() != null ? e.solvedAt() : at), id)
                .update();
        if (solved > 0) row(id).ifPresent(row -> count(row.day(), row.category() == null ? UNCLASSIFIED : row.category(), 0, 1));
    }

    /** A reopened case counts as open again; its solving, counted once, stays counted. */
    @EventHandler
    void on(CaseReopened e) {
        jdbc.sql("update statistics_case set status = ? where case_id = ?")
                .params(CaseStatus.OPEN.wire(), e.caseId().value()).update();
    }

    @EventHandler
    void on(CaseClosed e) {
        jdbc.sql("update statistics_case set status = ? where case_id = ?")
                .params(CaseStatus.CLOSED.wire(), e.caseId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from statistics_daily").update();
        jdbc.sql("delete from statistics_case").update();
    }

    private record CaseRow(String category, LocalDate day, boolean solved) {
    }

    private Optional<CaseRow> row(String caseId) {
        return jdbc.sql("select category, opened_day, solved_at from statistics_case where case_id = ?").param(caseId)
                .query((rs, n) -> new CaseRow(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getTimestamp(3) != null))
                .optional();
    }

    /** Moves the counters of a day and category; one segment per processor, so update-then-insert does not race. */
    private void count(LocalDate day, String category, int opened, int solved) {
        int updated = jdbc.sql("update statistics_daily set opened = opened + ?, solved = solved + ? where opened_day = ? and category = ?")
                .params(opened, solved, day, category).update();
        if (updated == 0) {
            jdbc.sql("insert into statistics_daily (opened_day, category, opened, solved) values (?, ?, ?, ?)")
                    .params(day, category, opened, solved).update();
        }
    }
}
