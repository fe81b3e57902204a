package com.ipexpert.command.cases;

import com.ipexpert.api.cases.CorrectedSolution;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** What the engineer writes is masked as the request is read, so no secret reaches a command, an event or a model. */
class CaseRequestsMaskingTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_question_with_a_pasted_cisco_config_opens_the_case_without_its_secrets() throws Exception {
        String body = json.writeValueAsString(Map.of("query", "VPN down, config:\nenable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0Rx\n"
                + "crypto isakmp key 6 Q`bGYI]hXOIEdfQ address 203.0.113.50\nsnmp-server community N0c-R3adOnly RO", "attachments", java.util.List.of()));

        CaseRequests.OpenCaseRequest request = json.readValue(body, CaseRequests.OpenCaseRequest.class);

        assertThat(request.query()).doesNotContain("nhEmQVczB7dqsO", "Q`bGYI]hXOIEdfQ", "N0c-R3adOnly")
                .contains("enable secret 9 <masked:cisco-secret-9>", "<masked:pre-shared-key>", "address 203.0.113.50");
    }

    @Test
    void an_answer_text_or_object_and_a_feedback_comment_are_masked_too() throws Exception {
        CaseRequests.InteractionRequest text = json.readValue("""
                {"parentNodeId": "n1", "response": " ospf authentication-mode md5 1 cipher %^%#Wq^aCF$TA4Z7v%^%#"}""",
                CaseRequests.InteractionRequest.class);
        CaseRequests.InteractionRequest object = json.readValue("""
                {"parentNodeId": "n1", "response": {"text": "set snmp community s3cr3tComm authorization read-only"}}""",
                CaseRequests.InteractionRequest.class);
        CaseRequests.FeedbackRequest feedback = json.readValue("""
                {"outcome": "solved", "comment": "fixed: encrypted-password \\"$6$Bq9c2$Jq8kZr1\\"", "corrected_solution": "key-string 7 0703204E5F1C"}""",
                CaseRequests.FeedbackRequest.class);

        assertThat(CaseRequests.response(text.response()).get("text").toString()).doesNotContain("Wq^aCF").contains("<masked:huawei-cipher>");
        assertThat(CaseRequests.response(object.response()).get("text").toString()).doesNotContain("s3cr3tComm");
        assertThat(feedback.comment()).doesNotContain("Bq9c2");
        assertThat((String) feedback.correctedSolution()).doesNotContain("0703204E5F1C");

        CaseRequests.FeedbackRequest structured = json.readValue("""
                {"outcome": "solved", "corrected_solution": {"steps": ["snmp-agent community read cipher %^%#Zk8sQ%^%#"]}}""",
                CaseRequests.FeedbackRequest.class);
        CorrectedSolution stored = CaseRequests.correctedSolution(structured.correctedSolution());
        assertThat(stored.isText()).as("kept as the object given").isFalse();
        assertThat(stored.value().toString()).doesNotContain("Zk8sQ").contains("<masked:");
    }
}
