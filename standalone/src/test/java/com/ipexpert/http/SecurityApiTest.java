package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors the container raises, CORS, deny by default, logout, API keys and the operations endpoints, over HTTP. */
class SecurityApiTest extends ApplicationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, HttpResponse<String> response, JsonNode body) {
        String errorType() {
            return body == null || body.get("error") == null ? null : body.get("error").get("type").asText();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = null;
        try {
            if (!response.body().isBlank()) body = JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = null;
        }
        return new Answer(response.statusCode(), response, body);
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static void assertErrorShape(Answer answer, int code, String type) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(code);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.body().get("code").asInt()).isEqualTo(code);
        assertThat(answer.body().get("status").asText()).isEqualTo("error");
        assertThat(answer.errorType()).isEqualTo(type);
        assertThat(answer.body().get("error").get("message").asText()).isNotBlank();
    }

    @Test
    void an_oversized_header_or_url_is_answered_431_or_414_in_the_error_shape() throws Exception {
        Answer header = send(at("/api/v1/auth/me").header("Authorization", "Bearer " + "a".repeat(10_000)));
        assertErrorShape(header, 431, "HEADER_TOO_LARGE");
        Answer url = send(at("/api/v1/cases?q=" + "b".repeat(20_000)));
        assertErrorShape(url, 414, "URI_TOO_LONG");
        // the server goes on answering
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void a_malformed_multipart_upload_is_a_400_in_the_error_shape() throws Exception {
        Answer broken = send(at("/api/v1/knowledge/documents").header("Authorization", "Bearer " + admin().token())
                .header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno end")));
        assertErrorShape(broken, 400, "INVALID_REQUEST");
    }

    @Test
    void a_configured_origin_gets_its_preflight_answered_and_any_other_is_refused_in_the_error_shape() throws Exception {
        Answer preflight = send(at("/api/v1/cases").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");

        Answer allowed = send(at("/api/v1/auth/me").header("Origin", ALLOWED_ORIGIN)
                .header("Authorization", "Bearer " + admin().token()));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);

        Answer otherPreflight = send(at("/api/v1/cases").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.test").header("Access-Control-Request-Method", "POST"));
        assertErrorShape(otherPreflight, 403, "FORBIDDEN");
        Answer other = send(at("/api/v1/auth/login").header("Origin", "http://evil.test")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")));
        assertErrorShape(other, 403, "FORBIDDEN");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void what_is_not_listed_is_denied_and_operations_beyond_health_and_info_are_for_admins() throws Exception {
        Api engineer = newUser("user");
        assertErrorShape(send(at("/api/v1/no-such-thing").header("Authorization", "Bearer " + engineer.token())), 404, "NOT_FOUND");
        assertErrorShape(send(at("/api/v1/no-such-thing")), 404, "NOT_FOUND");
        assertErrorShape(send(at("/actuator/metrics").header("Authorization", "Bearer " + engineer.token())), 403, "FORBIDDEN");
        assertErrorShape(send(at("/actuator/prometheus")), 401, "UNAUTHORIZED");
        assertThat(admin().get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health/liveness").body().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous().get("/actuator/health/readiness").body().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous().get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void a_logged_out_token_is_refused_at_once_while_another_login_goes_on() throws Exception {
        Api first = admin();
        Api second = admin();
        Answer out = send(at("/api/v1/auth/logout").header("Authorization", "Bearer " + first.token())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(out.status()).isEqualTo(204);
        Api.Response refused = first.get("/api/v1/auth/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorType()).isEqualTo("UNAUTHORIZED");
        assertThat(second.get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(anonymous().post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void an_api_key_is_shown_once_stored_hashed_acts_as_itself_and_is_revoked_at_once() throws Exception {
        Api admin = admin();
        Api.Response created = admin.post("/api/v1/admin/api-keys", Map.of("name", "nms-alarms", "roles", List.of("user"),
                "expiresInDays", 30));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String key = created.body().get("key").asText();
        String id = created.body().get("id").asText();
        assertThat(key).startsWith("ipx_");

        Answer opened = send(at("/api/v1/cases").header("Authorization", "ApiKey " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"BGP session flaps every 3 minutes\",\"attachments\":[]}")));
        assertThat(opened.status()).as(opened.response().body()).isEqualTo(200);
        String caseId = opened.body().get("caseId").asText();

        // the key is the actor of the events it caused
        JsonNode events = admin.await("/api/v1/audit/cases/" + caseId + "/events", r -> r.status() == 200, Duration.ofSeconds(10))
                .body().get("events");
        assertThat(events.get(0).get("actor").asText()).isEqualTo("apikey:" + id);

        Api.Response listed = admin.get("/api/v1/admin/api-keys");
        JsonNode mine = null;
        for (JsonNode k : listed.body()) if (k.get("id").asText().equals(id)) mine = k;
        assertThat(mine).isNotNull();
        assertThat(mine.has("key")).isFalse();
        assertThat(listed.raw()).doesNotContain(key);
        assertThat(mine.get("lastUsedAt").isNull()).isFalse();
        assertThat(mine.get("roles").get(0).asText()).isEqualTo("user");

        // a user key may not do what its roles do not allow
        assertErrorShape(send(at("/api/v1/users").header("Authorization", "ApiKey " + key)), 403, "FORBIDDEN");

        assertThat(admin.method("DELETE", "/api/v1/admin/api-keys/" + id).status()).isEqualTo(204);
        assertErrorShape(send(at("/api/v1/cases").header("Authorization", "ApiKey " + key)), 401, "UNAUTHORIZED");
        assertThat(admin.method("DELETE", "/api/v1/admin/api-keys/no-such-key").status()).isEqualTo(404);
        assertThat(newUser("user").post("/api/v1/admin/api-keys", Map.of("name", "x", "roles", List.of("admin"))).status())
                .isEqualTo(403);
    }

    @Test
    void a_monitoring_key_reads_prometheus_with_the_domain_counters_after_a_case() throws Exception {
        Api owner = newUser("user");
        String caseId = owner.post("/api/v1/cases", Map.of("query", "OSPF邻居状态卡在ExStart", "attachments", List.of()))
                .body().get("caseId").asText();
        owner.await("/api/v1/cases/" + caseId, r -> r.status() == 200, Duration.ofSeconds(10));
        String key = admin().post("/api/v1/admin/api-keys", Map.of("name", "prometheus", "roles", List.of("monitoring")))
                .body().get("key").asText();
        Answer scrape = send(at("/actuator/prometheus").header("Authorization", "ApiKey " + key));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.response().body()).contains("ipexpert_cases_opened_total");
        // a monitoring key reads operations, nothing else
        assertErrorShape(send(at("/api/v1/cases").header("Authorization", "ApiKey " + key)), 403, "FORBIDDEN");
    }

    private static Object nested(int depth) {
        Object value = "leaf";
        for (int i = 0; i < depth; i++) value = Map.of("k", value);
        return value;
    }

    @Test
    void stored_json_is_bounded_in_size_and_depth_and_a_corrected_solution_may_be_an_object() throws Exception {
        Api engineer = newUser("user");
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "OSPF邻居状态卡在ExStart");
        String interactions = "/api/v1/cases/" + opened.caseId() + "/interactions";

        Api.Response deep = engineer.post(interactions, Map.of("parentNodeId", opened.analysisNode(), "response", nested(12)));
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.body().get("error").get("message").asText()).contains("nested too deeply");
        Api.Response large = engineer.post(interactions, Map.of("parentNodeId", opened.analysisNode(),
                "response", Map.of("log", "x".repeat(70_000))));
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.errorType()).isEqualTo("PAYLOAD_TOO_LARGE");
        Api.Response huge = engineer.postRaw(interactions, "{\"response\":\"" + "y".repeat(1_100_000) + "\"}", "application/json");
        assertThat(huge.status()).isEqualTo(413);
        Api.Response abyss = engineer.postRaw(interactions, "[".repeat(200) + "]".repeat(200), "application/json");
        assertThat(abyss.status()).isEqualTo(400);
        assertThat(abyss.errorType()).isEqualTo("INVALID_REQUEST");

        CaseSteps.settled(engineer, opened.caseId(), opened.analysisNode());
        Map<String, Object> correction = Map.of("steps", List.of("display ospf peer", "reset ospf process"), "cause", "MTU mismatch");
        Api.Response given = engineer.post("/api/v1/cases/" + opened.caseId() + "/feedback",
                Map.of("outcome", "unsolved", "comment", "see steps", "corrected_solution", correction));
        assertThat(given.status()).as(given.raw()).isEqualTo(200);
        String feedbackId = given.body().get("feedbackId").asText();
        Api.Response tooDeep = engineer.post("/api/v1/cases/" + opened.caseId() + "/feedback",
                Map.of("outcome", "unsolved", "corrected_solution", nested(12)));
        assertThat(tooDeep.status()).isEqualTo(400);
        // a text that looks like an object stays the text it was
        Api.Response typed = engineer.post("/api/v1/cases/" + opened.caseId() + "/feedback",
                Map.of("outcome", "unsolved", "corrected_solution", "{\"as\": \"typed\"}"));
        assertThat(typed.status()).as(typed.raw()).isEqualTo(200);
        String typedId = typed.body().get("feedbackId").asText();
        Api.Response listed = admin().await("/api/v1/feedback?review_status=pending&pageSize=100",
                r -> r.status() == 200 && r.raw().contains(feedbackId) && r.raw().contains(typedId), Duration.ofSeconds(10));
        Map<String, JsonNode> items = new java.util.HashMap<>();
        for (JsonNode item : listed.body().get("items")) items.put(item.get("feedbackId").asText(), item.get("corrected_solution"));
        assertThat(items.get(feedbackId)).as("listed as the object given").isEqualTo(JSON.valueToTree(correction));
        assertThat(items.get(typedId).isTextual()).isTrue();
        assertThat(items.get(typedId).asText()).isEqualTo("{\"as\": \"typed\"}");

        Api.Response reviewed = admin().post("/api/v1/feedback/" + feedbackId + "/review", Map.of("decision", "reject", "comment", ""));
        assertThat(reviewed.status()).as(reviewed.raw()).isEqualTo(200);
        assertThat(reviewed.body().get("corrected_solution")).as("the review answers it as given").isEqualTo(JSON.valueToTree(correction));
    }
}
