package com.ipexpert.query.statistics;

import com.ipexpert.edge.messaging.ReadsFrom;
import com.ipexpert.api.cases.CaseStatus;
import com.ipexpert.api.statistics.StatisticsQueries.FindStatistics;
import com.ipexpert.api.statistics.StatisticsQueries.ListStatisticsCases;
import com.ipexpert.api.statistics.StatisticsViews.Statistics;
import com.ipexpert.api.statistics.StatisticsViews.StatisticsCasePage;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.query.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The analysts' dashboard and the cases behind its numbers. */
@RestController
@RequestMapping("/api/v1/statistics")
@PreAuthorize("hasAnyRole('analyst', 'admin')")
@Tag(name = "Statistics")
class StatisticsController {
    private static final Map<String, Integer> RANGES = Map.of("7d", 7, "30d", 30, "90d", 90);
    private final QueryGateway queries;
    private final Clock clock;

    StatisticsController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @ReadsFrom({StatisticsProjection.PROCESSING_GROUP, KnowledgeCoverageProjection.PROCESSING_GROUP})
    @GetMapping
    @Operation(summary = "Dashboard statistics", description = "timeRange 7d|30d|90d (default 30d): faultCategories (cases opened in the range by current category, largest first), "
            + "resolutionTrend (one point per UTC day, oldest first, today last: rate = solved/opened of the cases opened that day, with opened and solved), knowledgeCoverage.")
    Statistics statistics(@RequestParam(required = false) String timeRange) {
        String range = timeRange == null || timeRange.isBlank() ? "30d" : timeRange.trim();
        Integer days = RANGES.get(range);
        if (days == null) throw ApiException.badRequest("timeRange must be 7d, 30d or 90d");
        return queries.query(new FindStatistics(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), days), Statistics.class).join();
    }

    @ReadsFrom(StatisticsProjection.PROCESSING_GROUP)
    @GetMapping("/cases")
    @Operation(summary = "The cases behind a number", description = "Filters category, vendor, day (YYYY-MM-DD, UTC day opened), status (open|solved|closed; solved = solved at some point), page, pageSize. Newest first.")
    StatisticsCasePage cases(@RequestParam(required = false) String category, @RequestParam(required = false) String vendor,
                             @RequestParam(required = false) String day, @RequestParam(required = false) String status,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer pageSize) {
        Paging paging = Paging.of(page, pageSize);
        String wantedStatus = null;
        if (status != null && !status.isBlank()) {
            wantedStatus = CaseStatus.parse(status).orElseThrow(() ->
                    ApiException.badRequest("status must be open, solved or closed")).wire();
        }
        LocalDate wantedDay = null;
        if (day != null && !day.isBlank()) {
            try {
                wantedDay = LocalDate.parse(day.trim());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("day must be a date such as 2026-11-20");
            }
        }
        return queries.query(new ListStatisticsCases(blankToNull(category), blankToNull(vendor), wantedDay, wantedStatus,
                paging.page(), paging.pageSize()), StatisticsCasePage.class).join();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
