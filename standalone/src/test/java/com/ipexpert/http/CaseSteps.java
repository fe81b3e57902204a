package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a case over HTTP the way an engineer does, for the tests of the statistics, feedback and audit views. */
final class CaseSteps {
    static final Duration ANALYSIS = Duration.ofSeconds(20);

    private CaseSteps() {
    }

    record OpenedCase(String caseId, String queryNode, String analysisNode) {
    }

    static OpenedCase open(Api engineer, String query) {
        Api.Response opened = engineer.post("/api/v1/cases", Map.of("query", query, "attachments", List.of()));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        JsonNode nodes = opened.body().get("nodes");
        return new OpenedCase(opened.body().get("caseId").asText(), nodes.get(0).get("id").asText(),
                nodes.get(1).get("id").asText());
    }

    /** Waits until the analysis node has ended and the case knows it; answers the node. */
    static Api.Response settled(Api engineer, String caseId, String nodeId) {
        return engineer.await("/api/v1/cases/" + caseId + "/nodes/" + nodeId,
                r -> r.status() == 200 && !"PROCESSING".equals(r.body().get("status").asText()), ANALYSIS);
    }

    /** Answers a clarification; returns the id of the new analysis node. */
    static String answer(Api engineer, String caseId, String parentNode, String text) {
        Api.Response interaction = engineer.post("/api/v1/cases/" + caseId + "/interactions",
                Map.of("parentNodeId", parentNode, "response", text));
        assertThat(interaction.status()).as(interaction.raw()).isEqualTo(200);
        return interaction.body().get("processingNodeId").asText();
    }

    static String feedback(Api engineer, String caseId, String outcome, String comment, String correctedSolution) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("outcome", outcome);
        body.put("comment", comment);
        body.put("corrected_solution", correctedSolution);
        Api.Response given = engineer.post("/api/v1/cases/" + caseId + "/feedback", body);
        assertThat(given.status()).as(given.raw()).isEqualTo(200);
        return given.body().get("feedbackId").asText();
    }

    static String userId(Api who) {
        return who.get("/api/v1/auth/me").body().get("id").asText();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
