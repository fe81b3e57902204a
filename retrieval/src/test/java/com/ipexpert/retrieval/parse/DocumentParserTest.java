package com.ipexpert.retrieval.parse;

import static com.ipexpert.retrieval.testing.SampleFiles.docx;
import static com.ipexpert.retrieval.testing.SampleFiles.heading;
import static com.ipexpert.retrieval.testing.SampleFiles.paragraph;
import static com.ipexpert.retrieval.testing.SampleFiles.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.chunk.ManualChunker;
import com.ipexpert.retrieval.testing.SampleFiles;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class DocumentParserTest {
    private static final KnowledgeSettings SETTINGS = KnowledgeSettings.defaults();
    private final DocumentParser parser = new DocumentParser(SETTINGS, OcrSupport.absent());

    @Test
    void a_multi_page_pdf_keeps_its_page_numbers_through_to_the_chunks() {
        List<List<String>> pages = IntStream.rangeClosed(1, 3).mapToObj(p -> List.of(
                p + " Section on page " + p,
                "The neighbour on page " + p + " stays in Full state while hellos arrive.",
                "<HUAWEI> display ospf peer " + p)).toList();
        List<int[]> progress = new ArrayList<>();

        ParsedDocument parsed = parser.parse("manual.pdf", SampleFiles.pdf(pages), (d, t) -> progress.add(new int[] {d, t}));
        List<ChunkDraft> chunks = new ManualChunker(SETTINGS).chunk(parsed, Progress.none());

        assertThat(parsed.format()).isEqualTo(DocumentFormat.PDF);
        assertThat(parsed.pageCount()).isEqualTo(3);
        assertThat(parsed.blocks()).filteredOn(b -> b.kind() == BlockKind.HEADING)
                .extracting(TextBlock::text, TextBlock::page)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1 Section on page 1", 1),
                        org.assertj.core.groups.Tuple.tuple("2 Section on page 2", 2),
                        org.assertj.core.groups.Tuple.tuple("3 Section on page 3", 3));
        assertThat(parsed.blocks()).filteredOn(b -> b.kind() == BlockKind.COMMAND).extracting(TextBlock::text)
                .contains("<HUAWEI> display ospf peer 2");
        assertThat(chunks).extracting(ChunkDraft::page).containsExactly(1, 2, 3);
        assertThat(chunks.get(1).headingPath()).containsExactly("2 Section on page 2");
        assertThat(progress).last().satisfies(p -> assertThat(p[0]).isEqualTo(p[1]));
    }

    @Test
    void chinese_text_in_a_pdf_is_read() {
        Optional<File> font = SampleFiles.chineseFont();
        assumeTrue(font.isPresent(), "no CJK font with TrueType outlines on this machine "
                + "(apt-get install fonts-wqy-microhei); the Chinese PDF assertion is skipped");

        byte[] pdf = SampleFiles.pdf(List.of(List.of("第3章 路由配置", "配置OSPF时，两端的区域号必须一致。",
                "<HUAWEI> display ospf peer")), font.get());
        ParsedDocument parsed = parser.parse("路由手册.pdf", pdf, Progress.none());

        assertThat(parsed.blocks()).filteredOn(b -> b.kind() == BlockKind.HEADING).extracting(TextBlock::text)
                .containsExactly("第3章 路由配置");
        assertThat(parsed.text()).contains("配置OSPF时，两端的区域号必须一致。");
    }

    @Test
    void a_word_document_keeps_its_heading_styles_tables_and_chinese_text() {
        byte[] file = docx(
                heading(1, "OSPF 故障排查"),
                paragraph("邻居停在ExStart状态时，检查两端接口的MTU。"),
                heading(2, "Commands"),
                paragraph("display ospf peer brief"),
                table(new String[] {"State", "Meaning"}, new String[] {"Full", "databases in sync"}));

        ParsedDocument parsed = parser.parse("ospf.docx", file, Progress.none());

        assertThat(parsed.format()).isEqualTo(DocumentFormat.DOCX);
        assertThat(parsed.blocks()).filteredOn(b -> b.kind() == BlockKind.HEADING)
                .extracting(TextBlock::text, TextBlock::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OSPF 故障排查", 1),
                        org.assertj.core.groups.Tuple.tuple("Commands", 2));
        assertThat(parsed.blocks()).extracting(TextBlock::text).contains("邻居停在ExStart状态时，检查两端接口的MTU。",
                "| State | Meaning |\n| Full | databases in sync |", "display ospf peer brief");
        assertThat(parsed.pageCount()).isZero();
    }

    @Test
    void markdown_headings_fenced_code_and_numbered_headings_are_found_in_text_files() {
        String markdown = String.join("\n", "# OSPF", "", "## 1.2 Timers", "", "Hello and dead intervals must match.",
                "", "```", "interface GigabitEthernet0/0/1", " ospf timer hello 10", "```", "", "| a | b |", "|---|---|",
                "| 1 | 2 |");
        String text = String.join("\n", "2.1 Configuring areas", "Every area attaches to area 0.", "",
                "# show ip ospf neighbor", "Neighbor ID  Pri State", "2.2.2.2        1 FULL/DR");

        ParsedDocument md = parser.parse("ospf.md", markdown.getBytes(StandardCharsets.UTF_8), Progress.none());
        ParsedDocument txt = parser.parse("ospf.txt", text.getBytes(StandardCharsets.UTF_8), Progress.none());

        assertThat(md.blocks()).extracting(TextBlock::kind, TextBlock::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BlockKind.HEADING, "OSPF"),
                org.assertj.core.groups.Tuple.tuple(BlockKind.HEADING, "1.2 Timers"),
                org.assertj.core.groups.Tuple.tuple(BlockKind.PARAGRAPH, "Hello and dead intervals must match."),
                org.assertj.core.groups.Tuple.tuple(BlockKind.COMMAND, "interface GigabitEthernet0/0/1\n ospf timer hello 10"),
                org.assertj.core.groups.Tuple.tuple(BlockKind.TABLE, "| a | b |\n| 1 | 2 |"));
        assertThat(txt.blocks()).extracting(TextBlock::kind, TextBlock::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BlockKind.HEADING, "2.1 Configuring areas"),
                org.assertj.core.groups.Tuple.tuple(BlockKind.PARAGRAPH, "Every area attaches to area 0."),
                org.assertj.core.groups.Tuple.tuple(BlockKind.COMMAND,
                        "# show ip ospf neighbor\nNeighbor ID  Pri State\n2.2.2.2        1 FULL/DR"));
    }

    @Test
    void a_file_whose_content_is_not_what_its_name_says_is_refused_as_an_unsupported_media_type() {
        byte[] pdf = SampleFiles.pdf(List.of(List.of("OSPF")));

        assertThatThrownBy(() -> parser.parse("report.docx", pdf, Progress.none()))
                .isInstanceOfSatisfying(UnsupportedDocumentType.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED_MEDIA_TYPE);
                    assertThat(e.detectedMediaType()).isEqualTo("application/pdf");
                    assertThat(e.getMessage()).contains("report.docx", "a PDF document", "rename it to .pdf");
                });
        assertThatThrownBy(() -> parser.detect("notes.txt", pdf)).isInstanceOf(UnsupportedDocumentType.class);
    }

    @Test
    void files_of_other_types_are_refused_whatever_their_name() {
        byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0};
        byte[] executable = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};

        assertThatThrownBy(() -> parser.detect("tool.txt", executable)).isInstanceOf(UnsupportedDocumentType.class)
                .hasMessageContaining("not accepted");
        assertThatThrownBy(() -> parser.detect("archive.7z", zip)).isInstanceOf(UnsupportedDocumentType.class)
                .hasMessageContaining("files named .7z are not accepted");
        assertThatThrownBy(() -> parser.detect("archive.zip", zip)).isInstanceOfSatisfying(UnreadableDocument.class,
                e -> assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.CORRUPT));
        assertThat(parser.detect("ospf.MD", "# OSPF".getBytes(StandardCharsets.UTF_8))).isEqualTo(DocumentFormat.TEXT);
        assertThat(parser.detect("ospf.docx", docx(paragraph("OSPF")))).isEqualTo(DocumentFormat.DOCX);
        assertThat(new DocumentParser(SETTINGS, OcrSupport.absent()).detect("scan.jpeg".replace("jpeg", "txt"),
                "plain".getBytes(StandardCharsets.UTF_8))).isEqualTo(DocumentFormat.TEXT);
        assertThatThrownBy(() -> parser.detect("scan.jpeg", SampleFiles.jpeg("OSPF")))
                .as("a JPEG is recognised, and refused here only because this parser has no OCR")
                .isInstanceOfSatisfying(UnreadableDocument.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.IMAGE_WITHOUT_OCR));
    }

    @Test
    void an_encrypted_pdf_is_refused_with_a_message_that_says_so() {
        assertThatThrownBy(() -> parser.parse("secret.pdf", SampleFiles.encryptedPdf("OSPF"), Progress.none()))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                    assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.ENCRYPTED);
                    assertThat(e.getMessage()).contains("is encrypted");
                });
    }

    @Test
    void a_scanned_pdf_without_ocr_is_refused_with_a_message_that_says_so() {
        assertThatThrownBy(() -> parser.parse("scan.pdf", SampleFiles.scannedPdf("OSPF neighbor Full"), Progress.none()))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                    assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.SCANNED_WITHOUT_OCR);
                    assertThat(e.getMessage()).contains("scanned PDF").contains("tesseract-ocr tesseract-ocr-chi-sim");
                });
    }

    @Test
    void a_scanned_pdf_is_refused_at_upload_when_ocr_is_not_enabled_but_a_pdf_with_text_is_not() {
        assertThatThrownBy(() -> parser.detect("scan.pdf", SampleFiles.scannedPdf("OSPF neighbor Full")))
                .isInstanceOfSatisfying(UnreadableDocument.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.SCANNED_WITHOUT_OCR));
        assertThat(parser.detect("manual.pdf", SampleFiles.pdf(List.of(List.of("1 OSPF", "The neighbour stays in Full state.")))))
                .isEqualTo(DocumentFormat.PDF);
    }

    @Test
    void an_image_without_tesseract_is_refused_rather_than_crashing() {
        DocumentParser withoutTesseract = new DocumentParser(SETTINGS, OcrSupport.detect("/nonexistent/tesseract"));

        assertThatThrownBy(() -> withoutTesseract.parse("topology.png", SampleFiles.png("OSPF"), Progress.none()))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                    assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.IMAGE_WITHOUT_OCR);
                    assertThat(e.getMessage()).contains("needs OCR").contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim");
                });
        assertThatThrownBy(() -> withoutTesseract.detect("topology.png", SampleFiles.png("OSPF")))
                .as("refused when it is uploaded, not accepted and failed later")
                .isInstanceOfSatisfying(UnreadableDocument.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.IMAGE_WITHOUT_OCR));
        assertThat(withoutTesseract.ocr().available()).isFalse();
        assertThat(withoutTesseract.ocr().program()).isEqualTo("/nonexistent/tesseract");
    }

    @Test
    void images_and_scanned_pdfs_are_read_through_tesseract_when_it_is_installed() {
        OcrSupport ocr = OcrSupport.detect();
        assumeTrue(ocr.available(), "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)");
        DocumentParser withOcr = new DocumentParser(SETTINGS, ocr);

        ParsedDocument image = withOcr.parse("screen.png", SampleFiles.png("OSPF neighbor state FULL"), Progress.none());
        ParsedDocument scan = withOcr.parse("scan.pdf", SampleFiles.scannedPdf("BGP peer Established"), Progress.none());

        assertThat(image.text()).contains("OSPF").contains("FULL");
        assertThat(scan.text()).contains("BGP").contains("Established");
        assertThat(scan.blocks()).allSatisfy(b -> assertThat(b.page()).isEqualTo(1));
    }

    @Test
    void an_empty_file_or_one_without_text_is_refused() {
        assertThatThrownBy(() -> parser.parse("empty.txt", new byte[0], Progress.none()))
                .isInstanceOfSatisfying(UnreadableDocument.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.NO_TEXT));
        assertThatThrownBy(() -> parser.parse("blank.docx", docx(paragraph("   ")), Progress.none()))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                    assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.NO_TEXT);
                    assertThat(e.getMessage()).contains("no text found");
                });
    }

    @Test
    void a_document_with_more_pages_than_allowed_is_refused() {
        DocumentParser strict = new DocumentParser(SETTINGS.withLimits(2, 1_000_000), OcrSupport.absent());
        byte[] threePages = SampleFiles.pdf(List.of(List.of("one"), List.of("two"), List.of("three")));

        assertThatThrownBy(() -> strict.parse("long.pdf", threePages, Progress.none()))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                    assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.TOO_MANY_PAGES);
                    assertThat(e.kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
                    assertThat(e.getMessage()).contains("more than 2 pages");
                });
    }

    @Test
    void a_small_file_that_expands_to_a_flood_of_text_is_refused() throws IOException {
        byte[] bomb;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String line = "a".repeat(100_000);
            for (int i = 0; i < 50; i++) document.createParagraph().createRun().setText(line);
            document.write(out);
            bomb = out.toByteArray();
        }

        assertThat(bomb.length).isLessThan(100_000);
        assertThatThrownBy(() -> parser.parse("bomb.docx", bomb, Progress.none()))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                    assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.TOO_MUCH_TEXT);
                    assertThat(e.kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
                });
    }
}
