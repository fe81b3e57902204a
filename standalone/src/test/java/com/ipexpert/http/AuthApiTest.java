package com.ipexpert.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging in, who am I, and user management by administrators. */
class AuthApiTest extends ApplicationTest {

    @Test
    void the_configured_administrator_logs_in_and_gets_a_bearer_token() {
        Api.Response login = anonymous().post("/api/v1/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().get("access_token").asText()).isNotBlank();
        assertThat(login.body().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(login.body().get("expires_in").asLong()).isPositive();
        assertThat(login.body().get("user_info").get("username").asText()).isEqualTo("admin");
        assertThat(login.body().get("user_info").get("roles").get(0).asText()).isEqualTo("admin");

        Api.Response me = admin().get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("username").asText()).isEqualTo("admin");
        assertThat(me.body().has("id")).isTrue();
        assertThat(me.body().has("email")).isTrue();
    }

    @Test
    void an_unknown_user_and_a_wrong_password_get_the_same_401() {
        Api.Response unknown = anonymous().post("/api/v1/auth/login", Map.of("username", "nobody", "password", "whatever1"));
        Api.Response wrong = anonymous().post("/api/v1/auth/login", Map.of("username", "admin", "password", "wrong-pass"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.errorType()).isEqualTo("UNAUTHORIZED");
        assertThat(unknown.body().get("error").get("message").asText())
                .isEqualTo(wrong.body().get("error").get("message").asText());
        assertThat(anonymous().post("/api/v1/auth/login", Map.of("username", "admin")).status()).isEqualTo(400);
    }

    @Test
    void admins_create_users_and_nobody_else_can() {
        Api engineer = newUser("user");
        assertThat(engineer.get("/api/v1/auth/me").body().get("roles").get(0).asText()).isEqualTo("user");
        Api.Response refused = engineer.post("/api/v1/users", Map.of("username", "sneaky", "password", "password-123"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorType()).isEqualTo("FORBIDDEN");

        Api.Response badRole = admin().post("/api/v1/users", Map.of("username", "someone", "password", "password-123",
                "roles", List.of("superuser")));
        assertThat(badRole.status()).isEqualTo(400);
        Api.Response shortPassword = admin().post("/api/v1/users", Map.of("username", "someone", "password", "short"));
        assertThat(shortPassword.status()).isEqualTo(400);
        Api.Response duplicate = admin().post("/api/v1/users", Map.of("username", "admin", "password", "password-123"));
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void auditors_and_analysts_cannot_open_cases() {
        assertThat(newUser("auditor").post("/api/v1/cases", Map.of("query", "OSPF down")).status()).isEqualTo(403);
        assertThat(newUser("analyst").post("/api/v1/cases", Map.of("query", "OSPF down")).status()).isEqualTo(403);
    }

    @Test
    void health_and_api_docs_need_no_token() {
        Api.Response health = anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        Api.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/v1/cases")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/cases/{caseId}/interactions")).isTrue();
    }
}
