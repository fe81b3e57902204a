package com.ipexpert.analyst.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalystFailure;
import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.analyst.offline.OfflineAnalyst;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A model outage does not fail the step: the offline analyst answers it, and the step says so. */
class FallbackAnalystTest {

    private FakeChatCompletions endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = FakeChatCompletions.start();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private static FallbackAnalyst analystAt(String baseUrl) {
        return new FallbackAnalyst(new LlmAnalyst(new ModelEndpoint(baseUrl, "no-key", "qwen-local", Duration.ofSeconds(2), 0.2, 800, false)),
                new OfflineAnalyst());
    }

    private static final CaseConversation CASE = new CaseConversation("华为NE40E OSPF邻居卡在ExStart，两端MTU一个1500一个9000", List.of());

    @Test
    void a_failing_endpoint_hands_the_step_to_the_offline_analyst_and_the_record_says_so() {
        endpoint.fails(503, "model overloaded");

        AnalysisDecision d = analystAt(endpoint.baseUrl()).analyse(CASE, List.of());

        assertThat(d.category()).isEqualTo("OSPF");
        assertThat(d.vendor()).isEqualTo("Huawei");
        @SuppressWarnings("unchecked")
        Map<String, Object> fallback = (Map<String, Object>) d.trace().get("fallback");
        assertThat(fallback.get("analyst")).isEqualTo("offline " + OfflineAnalyst.VERSION);
        assertThat(fallback.get("because").toString()).contains("503");
        assertThat(d.trace()).containsEntry("model", "qwen-local").containsEntry("analyst", "offline");
    }

    @Test
    void an_unreachable_endpoint_falls_back_too() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        AnalysisDecision d = analystAt("http://127.0.0.1:" + closedPort + "/v1").analyse(CASE, List.of());

        assertThat(d.trace()).containsKey("fallback");
        assertThat(d.category()).isEqualTo("OSPF");
    }

    @Test
    void a_refused_request_is_a_configuration_error_and_still_fails() {
        endpoint.fails(401, "invalid api key");

        assertThatThrownBy(() -> analystAt(endpoint.baseUrl()).analyse(CASE, List.of()))
                .isInstanceOf(AnalystFailure.class).hasMessageContaining("401");
    }

    @Test
    void a_pasted_secret_never_reaches_the_model() {
        endpoint.otherwiseReplies("""
                {"decision": "solution", "category": "OSPF", "vendor": "Cisco", "answer": "1. MTU", "citations": [], "commands": ["show ip ospf neighbor"]}""");
        CaseConversation withConfig = new CaseConversation("Cisco OSPF down\nenable secret 9 $9$nhEmQVczB7dqsO$X.Hsg\nsnmp-server community N0c-R3adOnly RO", List.of());

        AnalysisDecision d = analystAt(endpoint.baseUrl()).analyse(withConfig, List.of());

        assertThat(endpoint.requests()).hasSize(1);
        assertThat(endpoint.requests().get(0)).doesNotContain("nhEmQVczB7dqsO", "N0c-R3adOnly").contains("masked:cisco-secret-9");
        assertThat(d.trace().get("maskedSecrets")).isEqualTo(Map.of("cisco-secret-9", 1, "snmp-community", 1));
    }
}
