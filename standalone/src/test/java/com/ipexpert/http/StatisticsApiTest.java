package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.ipexpert.http.CaseSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Analysts' dashboard: fault categories, the day-by-day resolution trend, and the cases behind each number. */
class StatisticsApiTest extends ApplicationTest {

    @AfterEach
    void backToRealTime() {
        TestClock.reset();
    }

    private static JsonNode point(Api.Response stats, LocalDate day) {
        for (JsonNode p : stats.body().get("resolutionTrend")) {
            if (p.get("date").asText().equals(day.toString())) return p;
        }
        throw new AssertionError("no point for " + day + " in " + stats.raw());
    }

    private static Map<String, Long> categories(Api.Response stats) {
        Map<String, Long> counts = new HashMap<>();
        stats.body().get("faultCategories").forEach(c -> counts.put(c.get("name").asText(), c.get("value").asLong()));
        return counts;
    }

    private static void classified(Api engineer, OpenedCase opened) {
        engineer.await("/api/v1/cases/" + opened.caseId(), r -> r.body().get("category").isTextual(), ANALYSIS);
    }

    @Test
    void the_trend_has_a_point_for_every_day_and_rates_the_cases_opened_that_day() {
        Api engineer = newUser("user");
        Api analyst = newUser("analyst");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        TestClock.shift(Duration.ofDays(-5));
        OpenedCase first = open(engineer, "OSPF邻居状态卡在ExStart");
        OpenedCase second = open(engineer, "BGP session flaps every 3 minutes");
        feedback(engineer, first.caseId(), "solved", "MTU统一后恢复", null);
        TestClock.shift(Duration.ofDays(-3));
        OpenedCase third = open(engineer, "OSPF邻居一直在Init状态");
        feedback(engineer, third.caseId(), "solved", null, null);
        TestClock.reset();
        for (OpenedCase c : List.of(first, second, third)) classified(engineer, c);

        Api.Response week = analyst.await("/api/v1/statistics?timeRange=7d", r -> r.status() == 200
                && point(r, today.minusDays(5)).get("opened").asLong() == 2
                && point(r, today.minusDays(3)).get("solved").asLong() == 1
                && categories(r).getOrDefault("BGP", 0L) >= 1, ANALYSIS);
        List<JsonNode> trend = new ArrayList<>();
        week.body().get("resolutionTrend").forEach(trend::add);
        assertThat(trend).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(trend.get(i).get("date").asText()).isEqualTo(today.minusDays(6 - i).toString());
        }
        JsonNode fiveDaysAgo = point(week, today.minusDays(5));
        assertThat(fiveDaysAgo.get("opened").asLong()).isEqualTo(2);
        assertThat(fiveDaysAgo.get("solved").asLong()).isEqualTo(1);
        assertThat(fiveDaysAgo.get("rate").asDouble()).isEqualTo(0.5);
        JsonNode threeDaysAgo = point(week, today.minusDays(3));
        assertThat(threeDaysAgo.get("rate").asDouble()).isEqualTo(1.0);
        JsonNode fourDaysAgo = point(week, today.minusDays(4));
        assertThat(fourDaysAgo.get("opened").asLong()).isZero();
        assertThat(fourDaysAgo.get("solved").asLong()).isZero();
        assertThat(fourDaysAgo.get("rate").asDouble()).isZero();
        assertThat(week.body().get("knowledgeCoverage").isArray()).isTrue();

        assertThat(analyst.get("/api/v1/statistics?timeRange=30d").body().get("resolutionTrend")).hasSize(30);
        assertThat(analyst.get("/api/v1/statistics?timeRange=90d").body().get("resolutionTrend")).hasSize(90);
        Api.Response byDefault = analyst.get("/api/v1/statistics");
        assertThat(byDefault.body().get("resolutionTrend")).hasSize(30);
        assertThat(byDefault.body().get("resolutionTrend").get(29).get("date").asText()).isEqualTo(today.toString());

        // the cases behind the numbers of five days ago
        Api.Response opened = analyst.get("/api/v1/statistics/cases?day=" + today.minusDays(5) + "&pageSize=50");
        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        assertThat(opened.body().get("total").asLong()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        opened.body().get("items").forEach(i -> ids.add(i.get("caseId").asText()));
        assertThat(ids).containsExactlyInAnyOrder(first.caseId(), second.caseId());
        Api.Response solved = analyst.get("/api/v1/statistics/cases?day=" + today.minusDays(5) + "&status=solved");
        assertThat(solved.body().get("total").asLong()).isEqualTo(1);
        JsonNode item = solved.body().get("items").get(0);
        assertThat(item.get("caseId").asText()).isEqualTo(first.caseId());
        assertThat(item.get("title").asText()).isEqualTo("OSPF邻居状态卡在ExStart");
        assertThat(item.get("category").asText()).isEqualTo("OSPF");
        assertThat(item.get("status").asText()).isEqualTo("solved");
        assertThat(item.get("createdAt").asText()).startsWith(today.minusDays(5).toString());
        assertThat(item.get("solvedAt").asText()).startsWith(today.minusDays(5).toString());
        assertThat(item.has("vendor")).isTrue();
        assertThat(item.has("query")).isFalse();
        Api.Response bgp = analyst.get("/api/v1/statistics/cases?category=BGP&day=" + today.minusDays(5));
        assertThat(bgp.body().get("total").asLong()).isEqualTo(1);
        assertThat(bgp.body().get("items").get(0).get("solvedAt").isNull()).isTrue();
        Api.Response paged = analyst.get("/api/v1/statistics/cases?day=" + today.minusDays(5) + "&page=2&pageSize=1");
        assertThat(paged.body().get("items")).hasSize(1);
        assertThat(paged.body().get("page").asInt()).isEqualTo(2);
        assertThat(paged.body().get("pageSize").asInt()).isEqualTo(1);
    }

    @Test
    void fault_categories_count_the_cases_opened_in_the_range_largest_first() {
        Api engineer = newUser("user");
        Api analyst = newUser("analyst");
        Map<String, Long> before = categories(analyst.get("/api/v1/statistics?timeRange=7d"));
        List<OpenedCase> cases = List.of(open(engineer, "BGP邻居反复震荡，Idle和Established之间切换"),
                open(engineer, "BGP session stuck in Active state"), open(engineer, "VRRP主备切换频繁"));
        cases.forEach(c -> classified(engineer, c));

        String vrrp = engineer.get("/api/v1/cases/" + cases.get(2).caseId()).body().get("category").asText();
        // The statistics projection learns a category when the case records the outcome, a moment after the graph shows it.
        Api.Response after = analyst.await("/api/v1/statistics?timeRange=7d", r -> {
            Map<String, Long> now = categories(r);
            return now.getOrDefault("BGP", 0L) - before.getOrDefault("BGP", 0L) == 2
                    && now.getOrDefault(vrrp, 0L) - before.getOrDefault(vrrp, 0L) >= 1;
        }, ANALYSIS);
        Map<String, Long> now = categories(after);
        assertThat(now.get(vrrp) - before.getOrDefault(vrrp, 0L)).isEqualTo(1);
        List<Long> values = new ArrayList<>();
        after.body().get("faultCategories").forEach(c -> values.add(c.get("value").asLong()));
        assertThat(values).isSortedAccordingTo((a, b) -> Long.compare(b, a)).allMatch(v -> v > 0);
    }

    private static JsonNode coverage(Api.Response stats, String topic, String vendor) {
        for (JsonNode c : stats.body().get("knowledgeCoverage")) {
            if (c.get("topic").asText().equals(topic) && c.get("vendor").asText().equals(vendor)) return c;
        }
        return null;
    }

    @Test
    void knowledge_coverage_measures_what_retrieval_finds_for_a_vendor_and_follows_its_documents() {
        Api admin = admin();
        Api analyst = newUser("analyst");
        String vendor = "CoverageLab" + System.nanoTime();
        String manual = """
                OSPF troubleshooting guide.

                When an OSPF neighbor is stuck in ExStart or Exchange, compare the interface MTU on both ends: the DD packets
                carry the MTU and a mismatch keeps the adjacency from forming. Make the MTU equal on both sides.

                When an OSPF neighbor stays in Init or 2-Way, check the hello and dead intervals, the network type and
                authentication on both interfaces; a one-way hello means the peer does not see us.

                When routes are missing, compare the LSDB on both routers: every LSA of the area must be present; check the
                area configuration and the stub settings.
                """;
        Api.Response uploaded = KnowledgeFiles.upload(admin, "ospf-guide.txt", manual.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                List.of("ospf"), vendor);
        assertThat(uploaded.status()).as(uploaded.raw()).isIn(200, 201, 202);
        String docId = uploaded.body().get("docId").asText();
        admin.await("/api/v1/knowledge/documents/" + docId, r -> r.status() == 200
                && "INDEXED".equals(r.body().get("status").asText()), Duration.ofSeconds(60));

        Api.Response measured = analyst.await("/api/v1/statistics?timeRange=7d", r -> {
            JsonNode ospf = coverage(r, "OSPF", vendor);
            return ospf != null && ospf.get("coverage").asInt() == 100;
        }, Duration.ofSeconds(30));
        assertThat(coverage(measured, "BGP", vendor).get("coverage").asInt()).isZero();
        measured.body().get("knowledgeCoverage").forEach(c -> assertThat(c.get("coverage").asInt()).isBetween(0, 100));
        // an OSPF manual alone gives OSPF the highest coverage of all topics for its vendor: its "hello" and
        // "adjacency" do not make it an IS-IS manual
        measured.body().get("knowledgeCoverage").forEach(c -> {
            if (c.get("vendor").asText().equals(vendor) && !c.get("topic").asText().equals("OSPF")) {
                assertThat(c.get("coverage").asInt()).as(c.get("topic").asText()).isLessThan(100);
                assertThat(c.get("coverage").asInt()).as(c.get("topic").asText()).isLessThanOrEqualTo(34);
            }
        });

        assertThat(admin.method("DELETE", "/api/v1/knowledge/documents/" + docId).status()).isEqualTo(204);
        analyst.await("/api/v1/statistics?timeRange=7d", r -> coverage(r, "OSPF", vendor) == null, Duration.ofSeconds(30));
    }

    @Test
    void only_analysts_and_admins_read_statistics_and_a_range_must_be_known() {
        Api analyst = newUser("analyst");
        Api.Response year = analyst.get("/api/v1/statistics?timeRange=1y");
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.errorType()).isEqualTo("INVALID_REQUEST");
        assertThat(year.body().get("error").get("message").asText()).contains("7d, 30d or 90d");
        assertThat(analyst.get("/api/v1/statistics/cases?status=lost").status()).isEqualTo(400);
        assertThat(analyst.get("/api/v1/statistics/cases?day=yesterday").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/statistics?timeRange=90d").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/statistics/cases").status()).isEqualTo(200);
        for (Api outsider : List.of(newUser("user"), newUser("auditor"))) {
            for (String path : List.of("/api/v1/statistics", "/api/v1/statistics/cases")) {
                Api.Response refused = outsider.get(path);
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.errorType()).isEqualTo("FORBIDDEN");
            }
        }
        assertThat(anonymous().get("/api/v1/statistics").status()).isEqualTo(401);
    }
}
