package com.ipexpert.command.cases;

import com.ipexpert.api.cases.Attachment;
import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.retrieval.parse.ImageText;
import com.ipexpert.retrieval.parse.OcrSupport;
import com.ipexpert.retrieval.parse.UnreadableDocument;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Attachments are read as they will be stored: text masked, screenshots read by OCR, everything bounded first. */
class CaseAttachmentsTest {
    private static final ScreenshotSettings SETTINGS = new ScreenshotSettings(DataSize.ofKilobytes(200), 2, Duration.ofSeconds(60), 1,
            Duration.ofMillis(200));

    private static CaseAttachments withOcr(OcrSupport ocr) {
        return new CaseAttachments(new ImageText(ocr, SETTINGS.ocrTimeout(), CaseAttachments.MAX_IMAGE_TEXT), SETTINGS);
    }

    private static CaseAttachments withTesseract() {
        OcrSupport ocr = OcrSupport.detect();
        assumeTrue(ocr.available(), "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim); screenshots are not read here");
        return withOcr(ocr);
    }

    private static final CaseAttachments WITHOUT_OCR = withOcr(OcrSupport.detect("/nonexistent/tesseract"));

    static byte[] screenshot(String... lines) {
        BufferedImage image = new BufferedImage(1100, 40 + 34 * lines.length, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 22));
        for (int i = 0; i < lines.length; i++) g.drawString(lines[i], 20, 40 + 34 * i);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dataUrl(byte[] content) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(content);
    }

    private static ErrorKind refusal(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return e.kind();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void a_screenshot_is_stored_as_the_text_ocr_read_with_its_secrets_masked() {
        CaseAttachments attachments = withTesseract();

        List<Attachment> read = attachments.read(List.of(Map.of("name", "running-config.png",
                "content", dataUrl(screenshot("interface GigabitEthernet0/0/1", " mtu 9000", "snmp-server community N0cR3adOnly RO")))));

        assertThat(read).hasSize(1);
        assertThat(read.get(0).name()).isEqualTo("running-config.png");
        assertThat(read.get(0).reference()).contains("GigabitEthernet0/0/1").contains("<masked:snmp-community>")
                .doesNotContain("R3adOnly").doesNotContain("base64");
    }

    @Test
    void a_screenshot_in_which_ocr_reads_nothing_is_kept_empty_and_its_name_says_so() {
        CaseAttachments attachments = withTesseract();

        List<Attachment> read = attachments.read(List.of(Map.of("name", "blank.png", "url", dataUrl(screenshot()))));

        assertThat(read).containsExactly(new Attachment("blank.png" + CaseAttachments.NO_TEXT_FOUND, ""));
    }

    @Test
    void a_screenshot_waits_for_its_turn_to_be_read_and_is_refused_with_429_when_none_comes() throws Exception {
        CaseAttachments attachments = withTesseract();
        List<Object> one = List.of(Map.of("name", "peer.png", "content", dataUrl(screenshot("display ospf peer brief"))));
        attachments.turns().acquire(); // every turn taken (one at once here)
        try {
            assertThatThrownBy(() -> attachments.read(one)).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
                assertThat(e.getMessage()).contains("paste the output as text");
                assertThat(((com.ipexpert.edge.errors.RateLimitExceeded) e).retryAfterSeconds()).isPositive();
            });
        } finally {
            attachments.turns().release();
        }
        // a turn freed in time is taken
        attachments.turns().acquire();
        new Thread(() -> {
            sleepQuietly(50);
            attachments.turns().release();
        }).start();
        assertThat(attachments.read(one).get(0).reference()).contains("ospf");
        assertThat(attachments.turns().availablePermits()).isEqualTo(1);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void text_and_links_are_kept_as_given_with_secrets_masked() {
        List<Attachment> read = WITHOUT_OCR.read(List.of("https://files.example/topology.png",
                Map.of("name", "config.txt", "content", "snmp-server community N0cR3adOnly RO\ninterface Gi0/1")));

        assertThat(read.get(0)).isEqualTo(new Attachment("https://files.example/topology.png", "https://files.example/topology.png"));
        assertThat(read.get(1).reference()).contains("<masked:snmp-community>").doesNotContain("N0cR3adOnly");
    }

    @Test
    void bad_base64_or_what_is_no_image_is_refused_with_400() {
        assertThat(refusal(() -> WITHOUT_OCR.read(List.of(Map.of("name", "x.png", "content", "data:image/png;base64,@@not-base64@@")))))
                .isEqualTo(ErrorKind.INVALID_REQUEST);
        String text = Base64.getEncoder().encodeToString("display ospf peer".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> WITHOUT_OCR.read(List.of(Map.of("name", "x.png", "content", "data:image/png;base64," + text))))
                .hasMessageContaining("not an image");
        assertThat(refusal(() -> WITHOUT_OCR.read(List.of(Map.of("name", "x.png", "content", "data:image/png,abc")))))
                .isEqualTo(ErrorKind.INVALID_REQUEST);
    }

    @Test
    void an_image_over_the_limit_is_refused_with_413_and_more_screenshots_than_allowed_with_400() {
        byte[] large = new byte[300 * 1024];
        System.arraycopy(screenshot("x"), 0, large, 0, 8);

        assertThat(refusal(() -> WITHOUT_OCR.read(List.of(Map.of("name", "huge.png", "content", dataUrl(large))))))
                .isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
        String small = dataUrl(screenshot("x"));
        assertThat(refusal(() -> WITHOUT_OCR.read(List.of(small, small, small)))).isEqualTo(ErrorKind.INVALID_REQUEST);
    }

    @Test
    void without_tesseract_a_screenshot_is_refused_naming_what_to_install() {
        assertThatThrownBy(() -> WITHOUT_OCR.read(List.of(Map.of("name", "ospf.png", "content", dataUrl(screenshot("display ospf peer"))))))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("needs OCR").contains("tesseract-ocr tesseract-ocr-chi-sim");
                });
    }

    @Test
    void besides_its_screenshots_a_question_or_an_answer_holds_at_most_1_mb_of_text() throws Exception {
        com.fasterxml.jackson.databind.json.JsonMapper json = com.fasterxml.jackson.databind.json.JsonMapper.builder().build();
        String screenshotOf2Mb = "data:image/png;base64," + "A".repeat(2 * 1024 * 1024);
        String text = "x".repeat(1024 * 1024 + 1);

        assertThat(json.readValue(json.writeValueAsString(Map.of("query", "OSPF", "attachments", List.of(Map.of("name", "a.png",
                "content", screenshotOf2Mb)))), CaseRequests.OpenCaseRequest.class).query()).isEqualTo("OSPF");
        assertThatThrownBy(() -> json.readValue(json.writeValueAsString(Map.of("query", "OSPF", "attachments", List.of(text))),
                CaseRequests.OpenCaseRequest.class)).rootCause().isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE));
        assertThatThrownBy(() -> json.readValue(json.writeValueAsString(Map.of("parentNodeId", "n1", "response", "ok",
                "filterTags", List.of(text))), CaseRequests.InteractionRequest.class)).rootCause()
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE));
    }

    @Test
    void a_data_url_outside_the_attachments_of_an_answer_is_refused() {
        assertThat(refusal(() -> CaseRequests.response(Map.of("text", "see", "image", dataUrl(screenshot("x"))), List.of())))
                .isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(CaseRequests.response("data: 12 packets\nerrors: 0", List.of())).containsKey("text");
    }
}
