package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.ipexpert.http.CaseSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Feedback waits for an administrator's review, decided once. */
class FeedbackReviewApiTest extends ApplicationTest {

    private static JsonNode find(Api.Response page, String feedbackId) {
        for (JsonNode item : page.body().get("items")) {
            if (item.get("feedbackId").asText().equals(feedbackId)) return item;
        }
        return null;
    }

    private static Api.Response listed(Api admin, String status, String feedbackId) {
        return admin.await("/api/v1/feedback?review_status=" + status + "&pageSize=100",
                r -> r.status() == 200 && find(r, feedbackId) != null, ANALYSIS);
    }

    @Test
    void an_administrator_approves_pending_feedback_once() {
        Api engineer = newUser("user");
        OpenedCase opened = open(engineer, "OSPF邻居状态卡在ExStart");
        String feedbackId = feedback(engineer, opened.caseId(), "unsolved", "建议没有用", "两端MTU改为一致后邻居起来了");
        Api admin = admin();

        JsonNode pending = find(listed(admin, "pending", feedbackId), feedbackId);
        assertThat(pending.get("caseId").asText()).isEqualTo(opened.caseId());
        assertThat(pending.get("outcome").asText()).isEqualTo("unsolved");
        assertThat(pending.get("comment").asText()).isEqualTo("建议没有用");
        assertThat(pending.get("corrected_solution").asText()).isEqualTo("两端MTU改为一致后邻居起来了");
        assertThat(pending.get("review_status").asText()).isEqualTo("pending");
        assertThat(pending.get("createdAt").asText()).endsWith("Z");
        assertThat(pending.get("reviewedBy").isNull()).isTrue();
        assertThat(pending.get("reviewedAt").isNull()).isTrue();
        Api.Response page = admin.get("/api/v1/feedback?review_status=pending&page=1&pageSize=100");
        assertThat(page.body().get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.body().get("page").asInt()).isEqualTo(1);
        assertThat(page.body().get("pageSize").asInt()).isEqualTo(100);

        Api.Response approved = admin.post("/api/v1/feedback/" + feedbackId + "/review", Map.of("decision", "approve", "comment", "核实无误"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.body().get("feedbackId").asText()).isEqualTo(feedbackId);
        assertThat(approved.body().get("review_status").asText()).isEqualTo("approved");
        assertThat(approved.body().get("reviewedBy").asText()).isEqualTo(userId(admin));
        assertThat(approved.body().get("reviewedAt").asText()).endsWith("Z");
        assertThat(approved.body().get("corrected_solution").asText()).isEqualTo("两端MTU改为一致后邻居起来了");

        Api.Response again = admin.post("/api/v1/feedback/" + feedbackId + "/review", Map.of("decision", "reject"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorType()).isEqualTo("CONFLICT");
        assertThat(again.body().get("error").get("message").asText()).contains("already been reviewed");

        JsonNode listedApproved = find(listed(admin, "approved", feedbackId), feedbackId);
        assertThat(listedApproved.get("reviewedBy").asText()).isEqualTo(userId(admin));
        assertThat(find(admin.get("/api/v1/feedback?review_status=pending&pageSize=100"), feedbackId)).isNull();
        // the decision is part of the case's history
        Api.Response history = admin.get("/api/v1/audit/cases/" + opened.caseId() + "/events");
        assertThat(history.body().get("events").findValuesAsText("type")).contains("FeedbackGiven", "FeedbackReviewed");
    }

    @Test
    void an_administrator_rejects_feedback() {
        Api engineer = newUser("user");
        OpenedCase opened = open(engineer, "BGP session flaps every 3 minutes");
        String feedbackId = feedback(engineer, opened.caseId(), "solved", "好了", null);
        Api admin = admin();
        listed(admin, "pending", feedbackId);

        Api.Response rejected = admin.post("/api/v1/feedback/" + feedbackId + "/review", Map.of("decision", "reject", "comment", "无法复现"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().get("review_status").asText()).isEqualTo("rejected");
        assertThat(rejected.body().get("outcome").asText()).isEqualTo("solved");
        assertThat(find(listed(admin, "rejected", feedbackId), feedbackId).get("review_status").asText()).isEqualTo("rejected");
    }

    @Test
    void unknown_feedback_bad_decisions_and_other_roles_are_refused() {
        Api engineer = newUser("user");
        OpenedCase opened = open(engineer, "VRRP主备切换频繁");
        String feedbackId = feedback(engineer, opened.caseId(), "unsolved", null, null);
        Api admin = admin();
        listed(admin, "pending", feedbackId);

        Api.Response unknown = admin.post("/api/v1/feedback/no-such-feedback/review", Map.of("decision", "approve"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorType()).isEqualTo("NOT_FOUND");
        Api.Response maybe = admin.post("/api/v1/feedback/" + feedbackId + "/review", Map.of("decision", "maybe"));
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(maybe.errorType()).isEqualTo("INVALID_REQUEST");
        assertThat(admin.get("/api/v1/feedback?review_status=lost").status()).isEqualTo(400);

        for (Api other : List.of(engineer, newUser("auditor"), newUser("analyst"))) {
            Api.Response review = other.post("/api/v1/feedback/" + feedbackId + "/review", Map.of("decision", "approve"));
            assertThat(review.status()).isEqualTo(403);
            assertThat(review.errorType()).isEqualTo("FORBIDDEN");
            assertThat(other.get("/api/v1/feedback?review_status=pending").status()).isEqualTo(403);
        }
        assertThat(find(admin.get("/api/v1/feedback?review_status=pending&pageSize=100"), feedbackId)).isNotNull();
    }
}
