package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The learning loop: an approved corrected solution becomes knowledge that a later search finds. */
class CorrectionKnowledgeApiTest extends ApplicationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void an_approved_correction_is_ingested_as_a_feedback_document_linked_to_its_case() {
        Api engineer = newUser("user");
        Api.Response opened = engineer.post("/api/v1/cases", Map.of("query",
                "Juniper MX204 BGP session to 192.0.2.1 resets every 90 seconds", "attachments", List.of()));
        String caseId = opened.body().get("caseId").asText();
        String analysis = opened.body().get("nodes").get(1).get("id").asText();
        engineer.await("/api/v1/cases/" + caseId + "/nodes/" + analysis,
                r -> r.status() == 200 && !"PROCESSING".equals(r.body().get("status").asText()), WAIT);

        String correction = "The peer advertised hold-time 90 seconds while a firewall filter dropped keepalives "
                + "from the loopback; allowing TCP 179 from lo0 fixed the resets (zebrafinch-marker).";
        Api.Response feedback = engineer.post("/api/v1/cases/" + caseId + "/feedback",
                Map.of("outcome", "unsolved", "comment", "the firewall filter was the cause", "corrected_solution", correction));
        String feedbackId = feedback.body().get("feedbackId").asText();

        Api admin = admin();
        Api.Response approved = admin.await("/api/v1/feedback?review_status=pending&page=1&pageSize=100",
                r -> r.body().get("items").findValuesAsText("feedbackId").contains(feedbackId), WAIT);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/feedback/" + feedbackId + "/review", Map.of("decision", "approve")).status()).isEqualTo(200);

        String search = "/api/v1/knowledge/search?q=" + URLEncoder.encode("firewall filter dropped BGP keepalives from the loopback", StandardCharsets.UTF_8)
                + "&tags=feedback&k=5";
        Api.Response found = admin.await(search, r -> r.status() == 200 && r.body().get("items").size() > 0, WAIT);
        // the document also holds the conversation (the unsolved feedback's comment went on with the case as an
        // answer), so the corrected solution is one of its passages, not necessarily the first hit
        JsonNode hit = null;
        for (JsonNode item : found.body().get("items")) {
            assertThat(item.get("fileName").asText()).isEqualTo("feedback-" + caseId + ".md");
            if (item.get("text").asText().contains("zebrafinch-marker")) hit = item;
        }
        assertThat(hit).as("a passage of the feedback document holds the corrected solution").isNotNull();
        List<String> tags = new java.util.ArrayList<>();
        hit.get("tags").forEach(t -> tags.add(t.asText()));
        assertThat(tags).contains("feedback", "case:" + caseId);

        Api.Response document = admin.get("/api/v1/knowledge/documents/" + hit.get("docId").asText());
        assertThat(document.body().get("status").asText()).isEqualTo("INDEXED");
    }
}
