package com.ipexpert.http;

import com.ipexpert.TestDatabase;
import com.ipexpert.edge.ratelimits.ModelCallBudget;
import com.ipexpert.edge.ratelimits.RateLimitSettings;
import com.ipexpert.edge.ratelimits.RateLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.ipexpert.IpExpertApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rate limit, on an application configured with small ones; the buckets live in PostgreSQL. The application is
 * its own, on its own database, and is closed after these tests (see {@link ApplicationTest}).
 */
@SpringBootTest(classes = {IpExpertApplication.class, FaultInjection.class, TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {
        "ipexpert.rate-limits.login-failures.capacity=3", "ipexpert.rate-limits.login-failures.window=3s",
        "ipexpert.rate-limits.login-failures-per-address.capacity=1000",
        "ipexpert.rate-limits.case-openings.capacity=2", "ipexpert.rate-limits.case-openings.window=1h",
        "ipexpert.rate-limits.interactions.capacity=2", "ipexpert.rate-limits.interactions.window=1h",
        "ipexpert.rate-limits.uploads.capacity=1", "ipexpert.rate-limits.uploads.window=1h",
        "ipexpert.rate-limits.model-calls-per-day=2"})
class RateLimitApiTest extends ApplicationClient {
    @Autowired
    ModelCallBudget modelCalls;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        ApplicationTest.register(registry, TestDatabase.create("ipexpert_limits_" + Long.toHexString(System.nanoTime())));
    }

    @Test
    void failed_logins_lock_a_username_out_with_429_and_retry_after_until_the_window_has_passed() throws Exception {
        Api admin = admin();
        admin.post("/api/v1/users", Map.of("username", "mallory-target", "password", "password-123", "roles", List.of("user")));
        for (int i = 0; i < 3; i++) {
            assertThat(anonymous().post("/api/v1/auth/login", Map.of("username", "mallory-target", "password", "wrong-" + i)).status())
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"mallory-target\",\"password\":\"password-123\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("\"type\":\"RATE_LIMITED\"").contains("\"status\":\"error\"");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3L);
        // an unknown username is locked out alike, and another user is not affected
        assertThat(anonymous().post("/api/v1/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD)).status()).isEqualTo(200);

        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(anonymous().post("/api/v1/auth/login", Map.of("username", "mallory-target", "password", "password-123")).status())
                .isEqualTo(200);
    }

    @Test
    void a_user_opening_too_many_cases_or_answering_too_often_gets_429_others_do_not() {
        Api busy = newUser("user");
        for (int i = 0; i < 2; i++) {
            assertThat(busy.post("/api/v1/cases", Map.of("query", "OSPF neighbour down " + i, "attachments", List.of())).status())
                    .isEqualTo(200);
        }
        Api.Response third = busy.post("/api/v1/cases", Map.of("query", "OSPF neighbour down again", "attachments", List.of()));
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.errorType()).isEqualTo("RATE_LIMITED");
        assertThat(newUser("user").post("/api/v1/cases", Map.of("query", "BGP flaps", "attachments", List.of())).status())
                .isEqualTo(200);

        for (int i = 0; i < 2; i++) {
            assertThat(busy.post("/api/v1/cases/no-such-case/interactions", Map.of("response", "yes")).status()).isNotEqualTo(429);
        }
        Api.Response answer = busy.post("/api/v1/cases/no-such-case/interactions", Map.of("response", "yes"));
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.errorType()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void an_admin_uploading_too_often_gets_429() {
        Api admin = newUser("admin");
        Api.Response first = admin.postRaw("/api/v1/knowledge/documents", "--B\r\n--B--\r\n", "multipart/form-data; boundary=B");
        assertThat(first.status()).isNotEqualTo(429);
        Api.Response second = admin.postRaw("/api/v1/knowledge/documents", "--B\r\n--B--\r\n", "multipart/form-data; boundary=B");
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.errorType()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void a_users_model_calls_are_a_daily_budget() {
        assertThat(modelCalls.tryUse("budget-user")).isTrue();
        assertThat(modelCalls.tryUse("budget-user")).isTrue();
        assertThat(modelCalls.tryUse("budget-user")).isFalse();
        assertThat(modelCalls.tryUse("another-user")).isTrue();
    }

    @Test
    void two_instances_count_against_the_same_bucket_in_postgresql() {
        RateLimits one = new RateLimits(dataSource, true);
        RateLimits other = new RateLimits(dataSource, true);
        RateLimitSettings.Limit limit = new RateLimitSettings.Limit(2, Duration.ofHours(1));
        assertThat(one.use("shared-test", limit).allowed()).isTrue();
        assertThat(other.use("shared-test", limit).allowed()).isTrue();
        assertThat(one.use("shared-test", limit).allowed()).isFalse();
        assertThat(other.check("shared-test", limit).allowed()).isFalse();
    }
}
