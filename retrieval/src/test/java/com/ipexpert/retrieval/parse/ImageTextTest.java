package com.ipexpert.retrieval.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ipexpert.retrieval.testing.SampleFiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTextTest {
    private static final List<String> OSPF_PEER = List.of(
            "[~PE1]display ospf peer brief",
            " Area Id          Interface                        Neighbor id      State",
            " 0.0.0.0          GigabitEthernet1/0/0             10.1.1.2         ExStart",
            "[~PE1]display interface GigabitEthernet1/0/0",
            "The Maximum Transmit Unit is 1500");

    private static ImageText withTesseract() {
        OcrSupport ocr = OcrSupport.detect();
        assumeTrue(ocr.available(), "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim);"
                + " reading screenshots is not tested here");
        return new ImageText(ocr, Duration.ofSeconds(60), 65_536);
    }

    @Test
    void a_screenshot_of_a_table_keeps_each_row_on_its_line() {
        ImageText images = withTesseract();

        String text = images.read("ospf.png", SampleFiles.screenshot(OSPF_PEER, "png"));

        assertThat(text.lines()).anySatisfy(line -> assertThat(line).contains("GigabitEthernet1/0/0").contains("10.1.1.2")
                .contains("ExStart"));
        assertThat(text).contains("The Maximum Transmit Unit is 1500");
    }

    @Test
    void jpeg_gif_bmp_and_tiff_are_read_alike() {
        ImageText images = withTesseract();

        for (String format : List.of("jpg", "gif", "bmp", "tiff")) {
            byte[] image = SampleFiles.screenshot(OSPF_PEER, format);
            assertThat(images.imageType(image)).as(format).isPresent();
            assertThat(images.read("ospf." + format, image)).as(format).contains("Maximum Transmit Unit is 1500");
        }
    }

    @Test
    void an_image_without_text_reads_as_empty() {
        ImageText images = withTesseract();

        assertThat(images.read("blank.png", SampleFiles.screenshot(List.of(), "png"))).isEmpty();
    }

    @Test
    void the_type_is_judged_by_content_and_what_is_no_image_is_refused() {
        ImageText images = new ImageText(OcrSupport.absent(), Duration.ofSeconds(5), 100);

        assertThat(images.imageType(SampleFiles.screenshot(OSPF_PEER, "png"))).contains("image/png");
        assertThat(images.imageType("display ospf peer".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(images.imageType("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void without_tesseract_an_image_is_refused_with_how_to_enable_it() {
        ImageText images = new ImageText(OcrSupport.detect("/nonexistent/tesseract"), Duration.ofSeconds(5), 100);

        assertThatThrownBy(() -> images.read("ospf.png", SampleFiles.screenshot(OSPF_PEER, "png")))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                    assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.IMAGE_WITHOUT_OCR);
                    assertThat(e.getMessage()).contains("needs OCR").contains("tesseract-ocr tesseract-ocr-chi-sim");
                });
    }

    @Test
    void more_text_than_allowed_is_refused_not_cut() {
        ImageText images = new ImageText(OcrSupport.detect(), Duration.ofSeconds(60), 20);
        assumeTrue(images.ocr().available(), "tesseract is not installed");

        assertThatThrownBy(() -> images.read("ospf.png", SampleFiles.screenshot(OSPF_PEER, "png")))
                .isInstanceOfSatisfying(UnreadableDocument.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.TOO_MUCH_TEXT));
    }
}
