package com.ipexpert.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.ipexpert.http.ScreenshotApiTest.OSPF_EXSTART;
import static com.ipexpert.http.Screenshots.dataUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screenshot that cannot be read is refused before anything is stored, in the API's error shape: the shared test
 * application has OCR off, as a server without Tesseract does.
 */
class ScreenshotRefusalApiTest extends ApplicationTest {

    private static Map<String, Object> caseWith(Object attachment) {
        return Map.of("query", "华为NE40E OSPF邻居起不来", "attachments", List.of(attachment));
    }

    private static void refused(Api.Response response, int status, String type, String... message) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().get("status").asText()).isEqualTo("error");
        assertThat(response.body().at("/error/type").asText()).isEqualTo(type);
        assertThat(response.body().at("/error/message").asText()).contains(message);
    }

    @Test
    void without_ocr_a_screenshot_is_refused_at_once_naming_what_to_install_and_no_case_opens() {
        Api engineer = newUser("user");

        Api.Response response = engineer.post("/api/v1/cases", caseWith(Map.of("name", "ospf.png",
                "content", dataUrl(Screenshots.of(OSPF_EXSTART, "png"), "image/png"))));

        refused(response, 400, "INVALID_REQUEST", "ospf.png", "needs OCR", "tesseract-ocr tesseract-ocr-chi-sim");
        assertThat(engineer.get("/api/v1/cases").body()).isEmpty();
        assertThat(anonymous().get("/actuator/info").body().at("/ocr/available").asBoolean()).isFalse();
    }

    @Test
    void bad_base64_or_content_that_is_no_image_is_refused_with_400() {
        Api engineer = newUser("user");

        refused(engineer.post("/api/v1/cases", caseWith(Map.of("name", "ospf.png", "content", "data:image/png;base64,iVBOR%%w0K"))),
                400, "INVALID_REQUEST", "ospf.png", "not valid base64");
        String text = Base64.getEncoder().encodeToString("display ospf peer brief".getBytes(StandardCharsets.UTF_8));
        refused(engineer.post("/api/v1/cases", caseWith(Map.of("name", "ospf.png", "content", "data:image/png;base64," + text))),
                400, "INVALID_REQUEST", "ospf.png", "not an image");
        assertThat(engineer.get("/api/v1/cases").body()).isEmpty();
    }

    @Test
    void an_image_over_5_mb_is_refused_with_413() {
        Api engineer = newUser("user");
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        byte[] png = Screenshots.of(OSPF_EXSTART, "png");
        System.arraycopy(png, 0, large, 0, png.length);

        refused(engineer.post("/api/v1/cases", caseWith(Map.of("name", "huge.png", "content", dataUrl(large, "image/png")))),
                413, "PAYLOAD_TOO_LARGE", "huge.png", "5 MB");
        assertThat(engineer.get("/api/v1/cases").body()).isEmpty();
    }

    @Test
    void only_a_question_or_an_answer_may_carry_a_body_over_1_mb_and_an_answer_keeps_images_in_its_attachments() {
        Api engineer = newUser("user");
        CaseSteps.OpenedCase opened = CaseSteps.open(engineer, "OSPF邻居起不来");
        String large = "x".repeat(2 * 1024 * 1024);

        refused(engineer.post("/api/v1/cases/" + opened.caseId() + "/feedback", Map.of("outcome", "unsolved", "comment", large)),
                413, "PAYLOAD_TOO_LARGE", "larger than 1 MB");
        // the same without a Content-Length: refused as it is read, nothing given
        refused(engineer.postChunked("/api/v1/cases/" + opened.caseId() + "/feedback", Map.of("outcome", "unsolved", "comment", large)),
                413, "PAYLOAD_TOO_LARGE", "larger than 1 MB");
        refused(engineer.postChunked("/api/v1/cases", caseWith(Map.of("name", "log.txt", "content", large))),
                413, "PAYLOAD_TOO_LARGE", "besides its screenshots", "1 MB");
        assertThat(engineer.get("/api/v1/cases").body()).hasSize(1);
        // a small chunked body is read as any other
        assertThat(engineer.postChunked("/api/v1/cases", Map.of("query", "BGP flaps every 3 minutes", "attachments", List.of()))
                .status()).isEqualTo(200);
        assertThat(engineer.get("/api/v1/cases").body()).hasSize(2);
        refused(engineer.post("/api/v1/cases", caseWith(Map.of("name", "log.txt", "content", large))),
                413, "PAYLOAD_TOO_LARGE", "besides its screenshots", "1 MB");
        refused(engineer.post("/api/v1/cases/" + opened.caseId() + "/interactions", Map.of("parentNodeId", opened.analysisNode(),
                "response", Map.of("text", "see", "screen", "data:image/png;base64,iVBORw0KGgo="))), 400, "INVALID_REQUEST", "attachments");
    }
}
