package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vendor manuals over HTTP: HTML pages and zipped HTML bundles, uploads that need OCR on a server without it, and an
 * administrator's fixes to chunks that survive a re-parse.
 */
class KnowledgeManualsApiTest extends ApplicationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INGESTION = Duration.ofSeconds(120);
    private static final String DOCUMENTS = "/api/v1/knowledge/documents";

    @Test
    void an_html_manual_page_is_indexed_without_its_furniture_and_cited_by_heading_and_command() {
        Api admin = admin();
        String docId = uploaded(admin, "ospfd.html", resource("html/frr-ospfd.html"), List.of("ospf"), "FRRouting");
        indexed(admin, docId);

        List<JsonNode> chunks = items(admin.get(DOCUMENTS + "/" + docId + "/chunks?pageSize=100"));
        assertThat(chunks).isNotEmpty().allSatisfy(c -> assertThat(c.get("text").asText())
                .doesNotContain("¶", "Navigation", "Table of Contents", "Copyright", "DOCUMENTATION_OPTIONS"));

        JsonNode hit = items(admin.get("/api/v1/knowledge/search?k=5&vendor=FRRouting&q="
                + q("HelloInterval timer value seconds hello packet"))).get(0);
        assertThat(hit.get("docId").asText()).isEqualTo(docId);
        assertThat(hit.get("location").get("section").asText()).isEqualTo("OSPFv2 > Interfaces > ip ospf hello-interval (1-65535)");
        assertThat(hit.get("location").get("page").isNull()).isTrue();
        assertThat(hit.get("location").get("start").asInt()).isGreaterThan(0);
    }

    @Test
    void a_zipped_html_manual_is_indexed_page_by_page_under_each_page_title() {
        Api admin = admin();
        byte[] zip = zip(Map.of(
                "ospf/index.html", resource("html/huawei-ospf/index.html"),
                "ospf/ospf-neighbor.html", resource("html/huawei-ospf/ospf-neighbor.html"),
                "ospf/ospf-troubleshoot.html", resource("html/huawei-ospf/ospf-troubleshoot.html"),
                "ospf/images/ospf-topo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}));
        String docId = uploaded(admin, "ospf-config-guide.zip", zip, List.of("ospf"), "华为");
        indexed(admin, docId);

        List<JsonNode> chunks = items(admin.get(DOCUMENTS + "/" + docId + "/chunks?pageSize=100"));
        assertThat(chunks).extracting(c -> c.get("location").get("section").asText().split(" > ")[0])
                .contains("OSPF配置", "配置OSPF邻居", "OSPF邻居无法建立的排查");
        assertThat(chunks).allSatisfy(c -> assertThat(c.get("text").asText()).doesNotContain("父主题", "版权所有"));

        JsonNode hit = items(admin.get("/api/v1/knowledge/search?k=3&vendor=Huawei&q=" + q("ospf timer hello 设置Hello报文的时间间隔"))).get(0);
        assertThat(hit.get("docId").asText()).isEqualTo(docId);
        assertThat(hit.get("location").get("section").asText()).startsWith("配置OSPF邻居");
    }

    @Test
    void zips_that_reach_outside_the_manual_bombs_and_floods_of_pages_are_refused_and_leave_nothing_behind() throws IOException {
        Api admin = admin();
        long before = total(admin);
        byte[] page = "<html><head><title>x</title></head><body><h1>x</h1><p>some text</p></body></html>".getBytes(StandardCharsets.UTF_8);

        Api.Response traversal = upload(admin, "evil.zip", zip(Map.of("index.html", page, "../../etc/cron.d/x.html", page)));
        assertThat(traversal.status()).as(traversal.raw()).isEqualTo(400);
        assertThat(traversal.body().get("error").get("message").asText()).contains("outside the manual");

        Api.Response absolute = upload(admin, "abs.zip", zip(Map.of("index.html", page, "/tmp/x.html", page)));
        assertThat(absolute.status()).as(absolute.raw()).isEqualTo(400);

        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) many.put("p" + i + ".html", "<p>x</p>".getBytes(StandardCharsets.UTF_8));
        Api.Response flood = upload(admin, "many.zip", zip(many));
        assertThat(flood.status()).as(flood.raw()).isEqualTo(413);
        assertThat(flood.errorType()).isEqualTo("PAYLOAD_TOO_LARGE");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bomb)) {
            out.putNextEntry(new ZipEntry("index.html"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) out.write(zeros);
            out.closeEntry();
        }
        Api.Response bombed = upload(admin, "bomb.zip", bomb.toByteArray());
        assertThat(bombed.status()).as(bombed.raw()).isEqualTo(413);
        assertThat(bombed.body().get("error").get("message").asText()).contains("expands to more than");

        Api.Response noPages = upload(admin, "pictures.zip", zip(Map.of("a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        assertThat(noPages.status()).as(noPages.raw()).isEqualTo(415);

        String shell = "<html><head><script>" + "window.app={};".repeat(1_000) + "</script></head><body><div id='root'></div></body></html>";
        Api.Response script = upload(admin, "portal.html", shell.getBytes(StandardCharsets.UTF_8));
        assertThat(script.status()).as(script.raw()).isEqualTo(400);
        assertThat(script.body().get("error").get("message").asText()).contains("mostly script");

        assertThat(total(admin)).isEqualTo(before);
    }

    @Test
    void without_ocr_an_image_is_refused_at_once_with_how_to_enable_it_and_the_info_endpoint_says_so() {
        Api admin = admin();
        long before = total(admin);
        byte[] png = KnowledgeFiles.png();

        Api.Response refused = upload(admin, "topology.png", png);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("error").get("message").asText()).contains("needs OCR")
                .contains("tesseract-ocr tesseract-ocr-chi-sim");
        Api.Response scan = upload(admin, "scan.pdf", KnowledgeFiles.blankPdf());
        assertThat(scan.status()).as(scan.raw()).isEqualTo(400);
        assertThat(scan.body().get("error").get("message").asText()).contains("scanned PDF");
        assertThat(total(admin)).isEqualTo(before);

        JsonNode ocr = anonymous().get("/actuator/info").body().get("ocr");
        assertThat(ocr.get("available").asBoolean()).isFalse();
        assertThat(ocr.get("command").asText()).isEqualTo("/nonexistent/tesseract");
        assertThat(ocr.get("howToEnable").asText()).contains("tesseract-ocr-chi-sim");
    }

    @Test
    void an_admin_hides_edits_splits_and_merges_chunks_and_the_fixes_survive_a_reparse() {
        Api admin = admin();
        String md = """
                # VRRP

                VRRP elects a master among routers that share a virtual address. The master sends advertisements every second.

                ## Troubleshooting dingovrrp

                Two masters at once mean the advertisements are lost between the routers; check the VLAN and any ACL that drops protocol 112.

                ## Old advice

                Reboot both routers and hope the masters settle. This advice is wrong and should not be shown.
                """;
        String docId = uploaded(admin, "vrrp-notes.md", md.getBytes(StandardCharsets.UTF_8), List.of("vrrp"), "H3C");
        indexed(admin, docId);
        List<JsonNode> chunks = items(admin.get(DOCUMENTS + "/" + docId + "/chunks"));
        assertThat(chunks).hasSize(3);
        String intro = chunks.get(0).get("chunkId").asText();
        String trouble = chunks.get(1).get("chunkId").asText();
        String wrong = chunks.get(2).get("chunkId").asText();

        Api.Response context = admin.get(chunk(docId, trouble));
        assertThat(context.status()).as(context.raw()).isEqualTo(200);
        assertThat(context.body().get("previous").get("chunkId").asText()).isEqualTo(intro);
        assertThat(context.body().get("next").get("chunkId").asText()).isEqualTo(wrong);
        assertThat(context.body().get("location").get("section").asText()).isEqualTo("VRRP > Troubleshooting dingovrrp");
        int start = context.body().get("location").get("start").asInt();
        int end = context.body().get("location").get("end").asInt();
        assertThat(end - start).isEqualTo(context.body().get("text").asText().length());
        assertThat(admin.get(chunk(docId, intro)).body().get("previous").isNull()).isTrue();

        Api.Response hidden = send(admin, "PATCH", chunk(docId, wrong), Map.of("hidden", true));
        assertThat(hidden.status()).as(hidden.raw()).isEqualTo(200);
        assertThat(hidden.body().get("hidden").asBoolean()).isTrue();
        assertThat(chunkIdsOf(admin.get("/api/v1/knowledge/search?k=50&weight=0&q=" + q("reboot both routers hope masters settle"))))
                .isNotEmpty().doesNotContain(wrong);

        Api.Response edited = send(admin, "PATCH", chunk(docId, trouble),
                Map.of("text", "Two masters at once mean advertisements are lost: check the VLAN, and any ACL dropping protocol 112 (koalavrrp)."));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.body().get("edited").asBoolean()).isTrue();
        assertThat(docIdsOf(admin.get("/api/v1/knowledge/search?k=5&q=" + q("koalavrrp protocol 112")))).contains(docId);

        Api.Response split = send(admin, "POST", chunk(docId, intro) + "/split", Map.of("at", 65));
        assertThat(split.status()).as(split.raw()).isEqualTo(200);
        assertThat(split.body()).hasSize(2);
        assertThat(split.body().get(1).get("text").asText()).startsWith("The master sends advertisements");
        String second = split.body().get(1).get("chunkId").asText();
        Api.Response merged = send(admin, "POST", chunk(docId, intro) + "/merge-next", Map.of());
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
        assertThat(merged.body().get("text").asText()).contains("virtual address").contains("every second");
        assertThat(admin.get(chunk(docId, second)).status()).isEqualTo(404);

        Api.Response badSplit = send(admin, "POST", chunk(docId, trouble) + "/split", Map.of("at", 0));
        assertThat(badSplit.status()).as(badSplit.raw()).isEqualTo(400);
        Api.Response unknown = send(admin, "PATCH", chunk(docId, docId + "#999"), Map.of("hidden", true));
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        Api.Response engineer = send(newUser("user"), "PATCH", chunk(docId, trouble), Map.of("hidden", true));
        assertThat(engineer.status()).isEqualTo(403);

        assertThat(admin.method("PUT", DOCUMENTS + "/" + docId + "/reparse").status()).isEqualTo(200);
        Api.Response duringReparse = send(admin, "PATCH", chunk(docId, trouble), Map.of("hidden", true));
        assertThat(duringReparse.status()).as(duringReparse.raw()).isEqualTo(409);
        indexed(admin, docId);

        List<JsonNode> after = items(admin.get(DOCUMENTS + "/" + docId + "/chunks"));
        assertThat(after).filteredOn(c -> c.get("text").asText().contains("Reboot both routers"))
                .singleElement().satisfies(c -> assertThat(c.get("hidden").asBoolean()).isTrue());
        assertThat(after).filteredOn(c -> c.get("text").asText().contains("koalavrrp")).hasSize(1);
        assertThat(after).filteredOn(c -> c.get("text").asText().contains("virtual address")).singleElement()
                .satisfies(c -> assertThat(c.get("text").asText()).contains("every second"));
        assertThat(admin.get(DOCUMENTS + "/" + docId).body().get("unplacedEdits")).isEmpty();
        assertThat(docIdsOf(admin.get("/api/v1/knowledge/search?k=5&q=" + q("koalavrrp protocol 112")))).contains(docId);
        List<JsonNode> reparsedHits = items(admin.get("/api/v1/knowledge/search?k=50&weight=0&q=" + q("reboot both routers hope masters settle")));
        assertThat(reparsedHits).noneMatch(h -> h.get("text").asText().contains("Reboot both routers"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** A chunk's path: its id carries '#', which a URL must escape. */
    private static String chunk(String docId, String chunkId) {
        return DOCUMENTS + "/" + docId + "/chunks/" + chunkId.replace("#", "%23");
    }

    private static Api.Response upload(Api api, String fileName, byte[] content) {
        return KnowledgeFiles.upload(api, fileName, content, List.of(), null);
    }

    private String uploaded(Api api, String fileName, byte[] content, List<String> tags, String vendor) {
        Api.Response response = KnowledgeFiles.upload(api, fileName, content, tags, vendor);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().get("docId").asText();
    }

    private void indexed(Api api, String docId) {
        Api.Response done = api.await(DOCUMENTS + "/" + docId, r -> r.status() == 200
                && List.of("INDEXED", "FAILED").contains(r.body().get("status").asText()), INGESTION);
        assertThat(done.body().get("status").asText()).as(done.raw()).isEqualTo("INDEXED");
    }

    private long total(Api api) {
        return api.get(DOCUMENTS + "?pageSize=100").body().get("total").asLong();
    }

    private static Api.Response send(Api api, String method, String path, Object body) {
        try {
            HttpRequest request = api.request(path).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = api.client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Api.Response(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> items(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return StreamSupport.stream(response.body().get("items").spliterator(), false).toList();
    }

    private static List<String> chunkIdsOf(Api.Response search) {
        return items(search).stream().map(i -> i.get("chunkId").asText()).toList();
    }

    private static List<String> docIdsOf(Api.Response search) {
        return items(search).stream().map(i -> i.get("docId").asText()).toList();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> entries) {
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

    private static byte[] resource(String path) {
        try (InputStream in = KnowledgeManualsApiTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
