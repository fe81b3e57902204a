package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.ipexpert.IpExpertApplication;
import com.ipexpert.TestDatabase;
import com.ipexpert.retrieval.parse.OcrSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.ipexpert.http.CaseSteps.settled;
import static com.ipexpert.http.Screenshots.dataUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A screenshot of device output attached to a case or an answer is read by OCR and then as pasted output: its facts
 * show in the analysis node, and the image itself is stored nowhere. The application is its own, with Tesseract
 * enabled, on its own database (see {@link ApplicationTest}); without Tesseract on this machine the tests say so.
 */
@SpringBootTest(classes = {IpExpertApplication.class, FaultInjection.class, TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ScreenshotApiTest extends ApplicationClient {
    static final List<String> OSPF_EXSTART = List.of(
            "[~PE1]display ospf peer brief",
            " Area Id          Interface                        Neighbor id      State",
            " 0.0.0.0          GigabitEthernet1/0/0             10.1.1.2         ExStart",
            "[~PE1]display interface GigabitEthernet1/0/0",
            "The Maximum Transmit Unit is 1500",
            "[~PE2]display interface GigabitEthernet1/0/0",
            "The Maximum Transmit Unit is 9000");

    @DynamicPropertySource
    static void ownDatabaseWithOcr(DynamicPropertyRegistry registry) throws Exception {
        ApplicationTest.register(registry, TestDatabase.create("ipexpert_ocr_" + Long.toHexString(System.nanoTime())));
        registry.add("ipexpert.knowledge.ocr-command", () -> "tesseract");
    }

    @BeforeAll
    static void tesseractIsInstalled() {
        assumeTrue(OcrSupport.detect().available(), "tesseract is not installed on this machine (apt-get install tesseract-ocr"
                + " tesseract-ocr-chi-sim; .ci/run installs it): screenshots attached to cases are not tested here");
    }

    /** What the step read from pasted output: kind, subject and value of each fact. */
    private static List<String> facts(JsonNode node) {
        List<String> facts = new ArrayList<>();
        node.at("/metadata/trace/deviceOutput/facts").forEach(f -> facts.add(f.path("kind").asText() + " "
                + f.path("subject").asText("-") + " " + f.path("value").asText()));
        return facts;
    }

    private static JsonNode opened(Api engineer, Map<String, Object> body) {
        Api.Response opened = engineer.post("/api/v1/cases", body);
        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        return opened.body();
    }

    @Test
    void a_screenshot_of_display_ospf_peer_gives_the_facts_the_same_output_pasted_as_text_gives() {
        Api engineer = newUser("user");
        byte[] png = Screenshots.of(OSPF_EXSTART, "png");

        JsonNode fromImage = opened(engineer, Map.of("query", "华为NE40E OSPF邻居起不来",
                "attachments", List.of(Map.of("name", "ospf.png", "content", dataUrl(png, "image/png")))));
        JsonNode fromText = opened(engineer, Map.of("query", "华为NE40E OSPF邻居起不来",
                "attachments", List.of(Map.of("name", "ospf.txt", "content", String.join("\n", OSPF_EXSTART)))));

        JsonNode attachment = fromImage.at("/nodes/0/content/attachments/0");
        assertThat(attachment.get("name").asText()).isEqualTo("ospf.png");
        assertThat(attachment.get("reference").asText()).contains("ExStart").contains("The Maximum Transmit Unit is 9000");
        JsonNode imageStep = settled(engineer, fromImage.get("caseId").asText(), fromImage.at("/nodes/1/id").asText()).body();
        JsonNode textStep = settled(engineer, fromText.get("caseId").asText(), fromText.at("/nodes/1/id").asText()).body();

        assertThat(facts(imageStep)).contains("mtu GigabitEthernet1/0/0 1500", "mtu GigabitEthernet1/0/0 9000")
                .anySatisfy(f -> assertThat(f).startsWith("neighbour-state ").endsWith(" ExStart"))
                .containsExactlyInAnyOrderElementsOf(facts(textStep));
        JsonNode mtu = null;
        for (JsonNode h : imageStep.at("/metadata/trace/hypotheses")) if (h.get("id").asText().equals("ospf-mtu-mismatch")) mtu = h;
        assertThat(mtu).as(imageStep.toString()).isNotNull();
        assertThat(mtu.get("status").asText()).isEqualTo("confirmed");
    }

    @Test
    void the_image_never_reaches_the_event_store_only_the_text_read_from_it() {
        Api engineer = newUser("user");
        byte[] jpeg = Screenshots.of(List.of("<HUAWEI>display current-configuration | include snmp",
                " snmp-agent community read cipher %^%#Wq^aCF$TA4Z7v%^%#", "OSPF neighbour 10.1.1.2 stuck in ExStart"), "jpg");
        String url = dataUrl(jpeg, "image/jpeg");
        JsonNode opened = opened(engineer, Map.of("query", "华为NE40E OSPF邻居卡在ExStart",
                "attachments", List.of(Map.of("name", "snmp.jpg", "reference", url))));
        String caseId = opened.get("caseId").asText();
        settled(engineer, caseId, opened.at("/nodes/1/id").asText());

        Api.Response history = newUser("auditor").get("/api/v1/audit/cases/" + caseId + "/events");
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        JsonNode caseOpened = null;
        for (JsonNode e : history.body().get("events")) if (e.get("type").asText().equals("CaseOpened")) caseOpened = e;
        assertThat(caseOpened).isNotNull();
        JsonNode stored = caseOpened.at("/payload/attachments/0");
        assertThat(stored.get("name").asText()).isEqualTo("snmp.jpg");
        assertThat(stored.get("reference").asText()).contains("ExStart").contains("<masked:");
        String events = history.raw();
        String base64 = url.substring(url.indexOf(',') + 1);
        assertThat(events).doesNotContain("base64").doesNotContain(base64.substring(0, 64))
                .doesNotContain(base64.substring(base64.length() / 2, base64.length() / 2 + 64)).doesNotContain("Wq^aCF");
        assertThat(history.raw().length()).isLessThan(base64.length());
    }

    @Test
    void a_screenshot_attached_to_an_answer_is_read_with_the_answer() {
        Api engineer = newUser("user");
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "OSPF邻居起不来");
        Api.Response first = settled(engineer, opened.caseId(), opened.analysisNode());
        assertThat(first.body().get("type").asText()).isEqualTo("AI_CLARIFICATION");

        Api.Response answered = engineer.post("/api/v1/cases/" + opened.caseId() + "/interactions", Map.of(
                "parentNodeId", opened.analysisNode(), "response", "设备是华为NE40E，输出见截图",
                "attachments", List.of(Map.of("name", "peer.png", "content", dataUrl(Screenshots.of(OSPF_EXSTART, "png"), "image/png")))));

        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        JsonNode response = answered.body().at("/newNodes/0/content");
        assertThat(response.get("text").asText()).isEqualTo("设备是华为NE40E，输出见截图");
        assertThat(response.at("/attachments/0/name").asText()).isEqualTo("peer.png");
        assertThat(response.at("/attachments/0/reference").asText()).contains("ExStart");
        JsonNode step = settled(engineer, opened.caseId(), answered.body().get("processingNodeId").asText()).body();
        assertThat(facts(step)).contains("mtu GigabitEthernet1/0/0 1500", "mtu GigabitEthernet1/0/0 9000")
                .anySatisfy(f -> assertThat(f).startsWith("neighbour-state ").endsWith(" ExStart"));
        String events = newUser("auditor").get("/api/v1/audit/cases/" + opened.caseId() + "/events").raw();
        assertThat(events).doesNotContain("base64");
    }

    @Test
    void a_screenshot_without_text_is_kept_empty_and_its_name_says_so() {
        Api engineer = newUser("user");
        JsonNode opened = opened(engineer, Map.of("query", "BGP session flaps every 3 minutes on Cisco ASR",
                "attachments", List.of(Map.of("name", "blank.png", "content", dataUrl(Screenshots.of(List.of(), "png"), "image/png")))));

        JsonNode attachment = opened.at("/nodes/0/content/attachments/0");
        assertThat(attachment.get("name").asText()).isEqualTo("blank.png (OCR found no text)");
        assertThat(attachment.get("reference").asText()).isEmpty();
        JsonNode step = settled(engineer, opened.get("caseId").asText(), opened.at("/nodes/1/id").asText()).body();
        assertThat(facts(step)).isEmpty();
    }
}
