package com.ipexpert.retrieval.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.chunk.ManualChunker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

/** Vendor HTML manuals: single pages and zipped offline bundles, and the archives that must be refused. */
class HtmlManualParsingTest {
    private static final KnowledgeSettings SETTINGS = KnowledgeSettings.defaults();
    private final DocumentParser parser = new DocumentParser(SETTINGS, OcrSupport.absent());
    private final ManualChunker chunker = new ManualChunker(SETTINGS);

    @Test
    void a_sphinx_page_keeps_its_text_and_drops_navigation_sidebars_footers_scripts_and_permalink_marks() {
        ParsedDocument parsed = parser.parse("ospfd.html", resource("html/frr-ospfd.html"), Progress.none());

        String text = parsed.text();
        assertThat(parsed.format()).isEqualTo(DocumentFormat.HTML);
        assertThat(text).contains("link-state routing protocol", "The default value is 10 seconds")
                .doesNotContain("¶", "Navigation", "Table of Contents", "Copyright", "DOCUMENTATION_OPTIONS",
                        "General Index", "Permalink");
        assertThat(parsed.blocks()).filteredOn(b -> b.kind() == BlockKind.COMMAND).extracting(TextBlock::text)
                .anySatisfy(c -> assertThat(c).startsWith("router ospf\n ospf router-id 10.0.0.1").contains(" ip ospf dead-interval 20"));
        assertThat(parsed.blocks()).filteredOn(b -> b.kind() == BlockKind.TABLE).extracting(TextBlock::text)
                .anySatisfy(t -> assertThat(t).contains("State | Meaning").contains("ExStart | Master and slave"));
    }

    @Test
    void headings_command_definitions_and_table_captions_become_the_location_path_of_a_chunk() {
        List<ChunkDraft> chunks = chunker.chunk(parser.parse("ospfd.html", resource("html/frr-ospfd.html"), Progress.none()),
                Progress.none());

        assertThat(chunkWith(chunks, "HelloInterval timer").headingPath())
                .containsExactly("OSPFv2", "Interfaces", "ip ospf hello-interval (1-65535)");
        assertThat(chunkWith(chunks, "RouterDeadInterval").headingPath())
                .containsExactly("OSPFv2", "Interfaces", "ip ospf dead-interval (1-65535)");
        assertThat(chunkWith(chunks, "MTU mismatch").headingPath())
                .containsExactly("OSPFv2", "Showing Information", "OSPF neighbor states");
    }

    @Test
    void a_page_without_a_heading_takes_its_title_as_the_top_of_its_path() {
        String html = "<html><head><title>display ospf peer</title></head><body><div class='nav'>Home | Next</div>"
                + "<p>Displays information about OSPF neighbors, including their state and the interface.</p></body></html>";

        List<ChunkDraft> chunks = chunker.chunk(parser.parse("peer.htm", html.getBytes(StandardCharsets.UTF_8), Progress.none()),
                Progress.none());

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.headingPath()).containsExactly("display ospf peer");
            assertThat(c.text()).doesNotContain("Home");
        });
    }

    @Test
    void an_html_page_named_txt_is_judged_by_its_content() {
        assertThatThrownBy(() -> parser.detect("ospfd.txt", resource("html/frr-ospfd.html")))
                .isInstanceOfSatisfying(UnsupportedDocumentType.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED_MEDIA_TYPE);
                    assertThat(e.getMessage()).contains("an HTML page").contains("rename it to .html");
                });
    }

    @Test
    void a_page_that_is_mostly_script_is_refused_with_a_message() {
        String html = "<html><head><title>Docs</title><script>" + "var x = 1;".repeat(2_000) + "</script></head>"
                + "<body><div id='app'></div><noscript>Enable JavaScript</noscript><script>render(x)</script></body></html>";

        assertThatThrownBy(() -> parser.detect("app.html", html.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                    assertThat(e.reason()).isEqualTo(UnreadableDocument.Reason.NO_TEXT);
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("mostly script");
                });
    }

    @Test
    void a_zipped_manual_is_read_page_by_page_in_link_order_with_each_page_title_at_the_top_of_its_path() {
        byte[] zip = zip(Map.of(
                "huawei-ospf/ospf-troubleshoot.html", resource("html/huawei-ospf/ospf-troubleshoot.html"),
                "huawei-ospf/index.html", resource("html/huawei-ospf/index.html"),
                "huawei-ospf/ospf-neighbor.html", resource("html/huawei-ospf/ospf-neighbor.html"),
                "huawei-ospf/images/ospf-topo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0},
                "huawei-ospf/css/commonltr.css", "body{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(parser.detect("ospf-guide.zip", zip)).isEqualTo(DocumentFormat.ZIP);

        ParsedDocument parsed = parser.parse("ospf-guide.zip", zip, Progress.none());
        List<ChunkDraft> chunks = chunker.chunk(parsed, Progress.none());

        assertThat(parsed.blocks()).filteredOn(b -> b.kind() == BlockKind.HEADING && b.level() == 1).extracting(TextBlock::text)
                .containsExactly("OSPF配置", "配置OSPF邻居", "OSPF邻居无法建立的排查");
        assertThat(parsed.text()).doesNotContain("父主题", "版权所有", "首页", "hedex");
        assertThat(chunkWith(chunks, "ospf timer hello 10").headingPath()).containsExactly("配置OSPF邻居", "操作步骤");
        assertThat(chunkWith(chunks, "MTU不一致").headingPath()).containsExactly("配置OSPF邻居", "表1-3 OSPF邻居状态");
        assertThat(chunkWith(chunks, "mtu-enable").headingPath()).containsExactly("OSPF邻居无法建立的排查", "处理步骤");
    }

    @Test
    void a_zip_with_an_entry_outside_the_bundle_is_refused() {
        for (String name : List.of("../evil.html", "manual/../../evil.html", "/etc/evil.html", "C:/evil.html")) {
            byte[] zip = zip(Map.of("index.html", page("Index"), name, page("Evil")));

            assertThatThrownBy(() -> parser.detect("manual.zip", zip)).as(name)
                    .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
                        assertThat(e.getMessage()).contains("outside the manual");
                    });
        }
    }

    @Test
    void a_zip_holding_a_symbolic_link_is_refused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            ZipArchiveEntry index = new ZipArchiveEntry("index.html");
            out.putArchiveEntry(index);
            out.write(page("Index"));
            out.closeArchiveEntry();
            ZipArchiveEntry link = new ZipArchiveEntry("passwd.html");
            link.setUnixMode(0120777);
            out.putArchiveEntry(link);
            out.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }

        assertThatThrownBy(() -> parser.detect("manual.zip", bytes.toByteArray()))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> assertThat(e.getMessage()).contains("symbolic link"));
    }

    @Test
    void a_zip_of_ten_thousand_tiny_pages_is_refused_as_too_large() {
        Map<String, byte[]> pages = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) pages.put("p" + i + ".html", "<p>x</p>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> parser.detect("many.zip", zip(pages)))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
                    assertThat(e.getMessage()).contains("10000 entries");
                });
    }

    @Test
    void a_zip_bomb_is_refused_while_it_inflates() throws IOException {
        // one member that inflates to 1 GB of zeros, about 1 MB on the wire
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("index.html"));
            out.write(page("Index"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("bomb.html"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) out.write(zeros);
            out.closeEntry();
        }

        assertThatThrownBy(() -> parser.detect("bomb.zip", bytes.toByteArray()))
                .isInstanceOfSatisfying(UnreadableDocument.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
                    assertThat(e.getMessage()).contains("expands to more than 64 MB");
                });
    }

    @Test
    void a_zip_without_pages_or_a_file_that_is_no_zip_is_not_an_html_manual() {
        assertThatThrownBy(() -> parser.detect("pictures.zip", zip(Map.of("a.png", new byte[] {1, 2, 3}))))
                .isInstanceOfSatisfying(UnsupportedDocumentType.class, e -> assertThat(e.getMessage()).contains("holds no HTML page"));
        assertThatThrownBy(() -> parser.detect("manual.zip", "just text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedDocumentType.class);
    }

    private static ChunkDraft chunkWith(List<ChunkDraft> chunks, String text) {
        return chunks.stream().filter(c -> c.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no chunk contains " + text + " in " + chunks));
    }

    private static byte[] page(String title) {
        return ("<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>Some text of " + title
                + ".</p></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] resource(String path) {
        try (InputStream in = HtmlManualParsingTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
