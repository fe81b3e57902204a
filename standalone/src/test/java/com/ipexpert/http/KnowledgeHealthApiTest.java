package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge engine loads its models in the background: the application is healthy meanwhile, and
 * {@code /actuator/health/knowledge} says LOADING (503) until the engine is READY (200).
 */
class KnowledgeHealthApiTest extends ApplicationTest {

    @Test
    void the_knowledge_health_says_loading_until_the_models_are_there_then_ready() throws Exception {
        assertThat(anonymous().get("/actuator/health").body().get("status").asText()).isEqualTo("UP");

        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Api.Response knowledge = anonymous().get("/actuator/health/knowledge");
        while (knowledge.status() != 200 && System.nanoTime() < deadline) {
            assertThat(knowledge.status()).isEqualTo(503);
            assertThat(knowledge.body().get("status").asText()).isEqualTo("LOADING");
            assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
            Thread.sleep(200);
            knowledge = anonymous().get("/actuator/health/knowledge");
        }

        assertThat(knowledge.status()).isEqualTo(200);
        assertThat(knowledge.body().get("status").asText()).isEqualTo("UP");
        JsonNode details = knowledge.body().at("/components/knowledge/details");
        assertThat(details.get("state").asText()).isEqualTo("READY");
        assertThat(details.get("modelsLoadedInMs").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void once_ready_a_search_is_ranked_by_both_retrievers_and_answers_200() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (anonymous().get("/actuator/health/knowledge").status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Api.Response search = newUser("user").get("/api/v1/knowledge/search?q=OSPF%20hello");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().has("items")).isTrue();
    }

    @Test
    void the_application_health_shows_no_details_to_anyone() {
        JsonNode health = anonymous().get("/actuator/health").body();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
    }
}
