package com.ipexpert.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base over HTTP: upload real files, watch them go QUEUED → PARSING → INDEXED, find their passages,
 * cite them in a case, delete them, rebuild the index from events, and every refusal on the way.
 */
class KnowledgeApiTest extends ApplicationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INGESTION = Duration.ofSeconds(120);
    private static final String DOCUMENTS = "/api/v1/knowledge/documents";

    // ---- helpers -------------------------------------------------------------------------------------------

    private Api.Response upload(Api api, String fileName, byte[] content, List<String> tags, String vendor) {
        return KnowledgeFiles.upload(api, fileName, content, tags, vendor);
    }

    private String uploaded(Api api, String fileName, byte[] content, List<String> tags, String vendor) {
        Api.Response response = upload(api, fileName, content, tags, vendor);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().get("docId").asText();
    }

    private Api.Response settled(Api api, String docId) {
        return api.await(DOCUMENTS + "/" + docId, r -> r.status() == 200
                && List.of("INDEXED", "FAILED").contains(r.body().get("status").asText()), INGESTION);
    }

    private Api.Response indexed(Api api, String docId) {
        Api.Response done = settled(api, docId);
        assertThat(done.body().get("status").asText()).as(done.raw()).isEqualTo("INDEXED");
        return done;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> items(Api.Response response) {
        return StreamSupport.stream(response.body().get("items").spliterator(), false).toList();
    }

    private static List<String> docIdsOf(Api.Response search) {
        return items(search).stream().map(i -> i.get("docId").asText()).toList();
    }

    private long total(Api api) {
        return api.get(DOCUMENTS + "?pageSize=100").body().get("total").asLong();
    }

    private static byte[] ospfDocx(String marker) {
        return KnowledgeFiles.docx("OSPF troubleshooting " + marker, List.of(
                "When OSPF neighbours are stuck in ExStart or Exchange, the interface MTU differs on the two ends. "
                        + "Compare the MTU of both interfaces with display interface and make them equal, or ignore the MTU check. " + marker,
                "Authentication mismatches keep OSPF neighbours in Init; check the area authentication mode and key."));
    }

    // ---- upload, status, catalogue, search ------------------------------------------------------------------

    @Test
    void an_uploaded_docx_is_indexed_listed_and_its_passage_found_by_search() {
        Api admin = admin();
        Api engineer = newUser("user");
        Api.Response response = upload(admin, "ospf-exstart.docx", ospfDocx("quokkamtu"), List.of(" ospf ", "ospf", "", "routing"), "huawei");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().get("status").asText()).isEqualTo("QUEUED");
        assertThat(response.body().get("message").asText()).isNotBlank();
        String docId = response.body().get("docId").asText();

        Api.Response detail = indexed(engineer, docId);
        assertThat(detail.body().get("docId").asText()).isEqualTo(docId);
        assertThat(detail.body().get("fileName").asText()).isEqualTo("ospf-exstart.docx");
        assertThat(detail.body().get("vendor").asText()).isEqualTo("Huawei");
        assertThat(detail.body().get("tags")).hasSize(2);
        assertThat(detail.body().get("tags").get(0).asText()).isEqualTo("ospf");
        assertThat(detail.body().get("tags").get(1).asText()).isEqualTo("routing");
        assertThat(detail.body().get("progress").asInt()).isEqualTo(100);
        assertThat(detail.body().get("message").asText()).isNotBlank();
        assertThat(detail.body().get("createdAt").asText()).endsWith("Z");
        assertThat(detail.body().get("updatedAt").asText()).endsWith("Z");
        assertThat(detail.body().has("deleted")).isFalse();

        Api.Response list = engineer.get(DOCUMENTS + "?status=INDEXED&vendor=huawei&page=1&pageSize=100");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("page").asInt()).isEqualTo(1);
        assertThat(list.body().get("pageSize").asInt()).isEqualTo(100);
        assertThat(list.body().get("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode item = items(list).stream().filter(i -> i.get("docId").asText().equals(docId)).findFirst().orElseThrow();
        assertThat(item.get("fileName").asText()).isEqualTo("ospf-exstart.docx");
        assertThat(item.get("vendor").asText()).isEqualTo("Huawei");
        assertThat(item.get("status").asText()).isEqualTo("INDEXED");
        assertThat(item.get("uploadedAt").asText()).endsWith("Z");
        assertThat(docIdsOf(engineer.get(DOCUMENTS + "?vendor=Cisco&pageSize=100"))).doesNotContain(docId);
        assertThat(docIdsOf(engineer.get(DOCUMENTS + "?status=FAILED&pageSize=100"))).doesNotContain(docId);
        Api.Response firstPage = engineer.get(DOCUMENTS + "?page=1&pageSize=1");
        assertThat(firstPage.body().get("items")).hasSize(1);

        Api.Response search = engineer.get("/api/v1/knowledge/search?q=" + q("OSPF neighbour stuck in ExStart MTU quokkamtu"));
        assertThat(search.status()).as(search.raw()).isEqualTo(200);
        // other tests' OSPF documents share the index: this document's best passage is among the hits
        JsonNode hit = items(search).stream().filter(i -> i.get("docId").asText().equals(docId)).findFirst()
                .orElseThrow(() -> new AssertionError("no hit from " + docId + ": " + search.raw()));
        assertThat(hit.get("chunkId").asText()).startsWith(docId + "#");
        assertThat(hit.get("fileName").asText()).isEqualTo("ospf-exstart.docx");
        assertThat(hit.get("vendor").asText()).isEqualTo("Huawei");
        assertThat(hit.get("tags").get(0).asText()).isEqualTo("ospf");
        assertThat(hit.get("text").asText()).contains("MTU");
        assertThat(hit.get("score").asDouble()).isPositive();
        assertThat(hit.get("location").get("section").asText()).as("a DOCX without headings is cited by its name")
                .isEqualTo("ospf-exstart.docx");
        assertThat(hit.get("location").get("start").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(hit.get("location").get("end").asInt()).isGreaterThan(hit.get("location").get("start").asInt());

        assertThat(docIdsOf(engineer.get("/api/v1/knowledge/search?vendor=Cisco&q=" + q("quokkamtu ExStart MTU")))).doesNotContain(docId);
        assertThat(docIdsOf(engineer.get("/api/v1/knowledge/search?tags=bgp&q=" + q("quokkamtu ExStart MTU")))).doesNotContain(docId);
        assertThat(docIdsOf(engineer.get("/api/v1/knowledge/search?tags=routing&weight=0&k=3&q=" + q("quokkamtu")))).contains(docId);
        assertThat(docIdsOf(engineer.get("/api/v1/knowledge/search?weight=1&q=" + q("quokkamtu ExStart MTU")))).contains(docId);
    }

    @Test
    void a_pdf_is_indexed_and_its_hits_cite_their_page() {
        Api admin = admin();
        byte[] pdf = KnowledgeFiles.pdf(List.of(
                List.of("BGP session basics", "A BGP session is a TCP connection on port 179 between two peers."),
                List.of("BGP flapping wombatflap", "A BGP session that flaps every three minutes usually misses keepalives:",
                        "the hold time expires because a firewall drops TCP port 179 or the link loses packets.")));
        long started = System.nanoTime();
        String docId = uploaded(admin, "bgp-flaps.pdf", pdf, List.of("bgp"), "Cisco");
        indexed(admin, docId);
        System.out.printf("ingestion of a 2-page PDF took %d ms%n", (System.nanoTime() - started) / 1_000_000);

        Api.Response search = admin.get("/api/v1/knowledge/search?k=5&q=" + q("wombatflap BGP session flaps hold time expires"));
        JsonNode hit = items(search).stream().filter(i -> i.get("docId").asText().equals(docId)).findFirst().orElseThrow();
        assertThat(hit.get("vendor").asText()).isEqualTo("Cisco");
        assertThat(hit.get("location").get("page").asInt()).isBetween(1, 2);
        assertThat(hit.get("location").get("describe").asText()).startsWith("p. " + hit.get("location").get("page").asInt());
    }

    @Test
    void the_same_content_uploaded_again_is_a_conflict_naming_the_first_document() {
        Api admin = admin();
        byte[] text = "IS-IS adjacency stays in Initializing when the hello padding is dropped by the MTU. numbatisis\n".getBytes(StandardCharsets.UTF_8);
        String first = uploaded(admin, "isis.txt", text, List.of(), null);
        admin.await(DOCUMENTS + "/" + first, r -> r.status() == 200, Duration.ofSeconds(10));
        long before = total(admin);
        Api.Response again = upload(admin, "isis-copy.txt", text, List.of(), null);
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.errorType()).isEqualTo("CONFLICT");
        assertThat(again.body().get("error").get("message").asText()).contains(first);
        assertThat(total(admin)).isEqualTo(before);
        settled(admin, first);
    }

    @Test
    void a_file_with_no_text_fails_with_a_message_a_person_can_act_on() {
        Api admin = admin();
        String docId = uploaded(admin, "blank.md", " \n\n \t\n".getBytes(StandardCharsets.UTF_8), List.of(), null);
        Api.Response done = settled(admin, docId);
        assertThat(done.body().get("status").asText()).isEqualTo("FAILED");
        assertThat(done.body().get("message").asText()).contains("no text found");

        Api.Response reparse = admin.method("PUT", DOCUMENTS + "/" + docId + "/reparse");
        assertThat(reparse.status()).as(reparse.raw()).isEqualTo(200);
        assertThat(reparse.body().get("docId").asText()).isEqualTo(docId);
        assertThat(reparse.body().get("status").asText()).isEqualTo("QUEUED");
        assertThat(reparse.body().get("message").asText()).isNotBlank();
        assertThat(settled(admin, docId).body().get("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void a_reparsed_document_is_indexed_again() {
        Api admin = admin();
        byte[] md = "# VRRP\n\nVRRP master flapping between two routers (platypusvrrp) points at lost advertisements.\n"
                .getBytes(StandardCharsets.UTF_8);
        String docId = uploaded(admin, "vrrp.md", md, List.of("vrrp"), null);
        indexed(admin, docId);
        Api.Response reparse = admin.method("PUT", DOCUMENTS + "/" + docId + "/reparse");
        assertThat(reparse.status()).isEqualTo(200);
        Api.Response busy = admin.method("PUT", DOCUMENTS + "/" + docId + "/reparse");
        assertThat(busy.status()).as(busy.raw()).isIn(200, 409);
        indexed(admin, docId);
        assertThat(docIdsOf(admin.get("/api/v1/knowledge/search?q=" + q("platypusvrrp VRRP master flapping")))).contains(docId);
        assertThat(admin.method("PUT", DOCUMENTS + "/no-such-doc/reparse").status()).isEqualTo(404);
    }

    @Test
    void the_live_stream_shows_a_document_until_it_is_indexed() throws Exception {
        Api admin = admin();
        String docId = uploaded(admin, "dhcp.txt", "DHCP relay drops offers when option 82 is rewritten. echidnadhcp\n"
                .getBytes(StandardCharsets.UTF_8), List.of(), null);
        admin.await(DOCUMENTS + "/" + docId, r -> r.status() == 200, Duration.ofSeconds(10)); // the catalogue has it
        HttpRequest request = admin.request(DOCUMENTS + "/" + docId + "/stream").timeout(Duration.ofSeconds(120))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = admin.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        JsonNode detail = JSON.readTree(line.substring(5));
                        synchronized (events) {
                            events.add(detail);
                        }
                        if (List.of("INDEXED", "FAILED").contains(detail.get("status").asText())) return;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        reading.get(120, TimeUnit.SECONDS);
        response.body().close();
        assertThat(events.get(0).get("docId").asText()).isEqualTo(docId);
        assertThat(events.get(events.size() - 1).get("status").asText()).isEqualTo("INDEXED");
        assertThat(events.get(events.size() - 1).get("progress").asInt()).isEqualTo(100);
        HttpResponse<String> unknown = admin.client().send(admin.request(DOCUMENTS + "/no-such-doc/stream")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("NOT_FOUND");
    }

    // ---- delete ---------------------------------------------------------------------------------------------

    @Test
    void a_deleted_document_is_gone_from_the_catalogue_and_from_search_at_once() {
        Api admin = admin();
        String docId = uploaded(admin, "acl.txt", "An ACL applied inbound on the wrong interface drops OSPF hellos. dingoacl\n"
                .getBytes(StandardCharsets.UTF_8), List.of("acl"), null);
        indexed(admin, docId);
        assertThat(docIdsOf(admin.get("/api/v1/knowledge/search?q=" + q("dingoacl ACL drops hellos")))).contains(docId);

        assertThat(newUser("user").method("DELETE", DOCUMENTS + "/" + docId).status()).isEqualTo(403);
        Api.Response deleted = admin.method("DELETE", DOCUMENTS + "/" + docId);
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(204);
        assertThat(docIdsOf(admin.get("/api/v1/knowledge/search?k=50&q=" + q("dingoacl ACL drops hellos")))).doesNotContain(docId);
        admin.await(DOCUMENTS + "/" + docId, r -> r.status() == 404, Duration.ofSeconds(10));
        assertThat(admin.get(DOCUMENTS + "/" + docId).errorType()).isEqualTo("NOT_FOUND");
        assertThat(admin.method("DELETE", DOCUMENTS + "/" + docId).status()).isEqualTo(404);
        assertThat(admin.method("DELETE", DOCUMENTS + "/no-such-doc").status()).isEqualTo(404);
        assertThat(admin.method("PUT", DOCUMENTS + "/" + docId + "/reparse").status()).isEqualTo(404);

        // the same file may come back once its document is deleted
        String again = uploaded(admin, "acl.txt", "An ACL applied inbound on the wrong interface drops OSPF hellos. dingoacl\n"
                .getBytes(StandardCharsets.UTF_8), List.of("acl"), null);
        assertThat(again).isNotEqualTo(docId);
        settled(admin, again);
    }

    @Test
    void a_document_deleted_in_the_middle_of_its_ingestion_never_becomes_searchable() {
        Api admin = admin();
        String docId = uploaded(admin, "nat.docx", KnowledgeFiles.docx("NAT", List.of(
                "NAT sessions time out after 30 seconds for UDP; quollnat long-lived flows need a longer timeout.")), List.of(), null);
        assertThat(admin.method("DELETE", DOCUMENTS + "/" + docId).status()).isEqualTo(204);
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(docIdsOf(admin.get("/api/v1/knowledge/search?k=50&q=" + q("quollnat NAT timeout UDP")))).doesNotContain(docId);
        assertThat(admin.get(DOCUMENTS + "/" + docId).status()).isEqualTo(404);
    }

    // ---- refusals -------------------------------------------------------------------------------------------

    @Test
    void bad_uploads_are_refused_and_leave_nothing_behind() {
        Api admin = admin();
        long before = total(admin);

        Api.Response noFile = upload(admin, null, null, List.of("x"), "Huawei");
        assertThat(noFile.status()).as(noFile.raw()).isEqualTo(400);
        assertThat(noFile.errorType()).isEqualTo("INVALID_REQUEST");

        Api.Response empty = upload(admin, "empty.txt", new byte[0], List.of(), null);
        assertThat(empty.status()).as(empty.raw()).isEqualTo(400);

        Api.Response exe = upload(admin, "tool.exe", new byte[]{0x4d, 0x5a, (byte) 0x90, 0, 3, 0, 0, 0}, List.of(), null);
        assertThat(exe.status()).as(exe.raw()).isEqualTo(415);
        assertThat(exe.errorType()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Api.Response damagedZip = upload(admin, "archive.zip", zip, List.of(), null);
        assertThat(damagedZip.status()).as(damagedZip.raw()).isEqualTo(400);
        assertThat(damagedZip.body().get("error").get("message").asText()).contains("could not be read as a zip archive");

        Api.Response mismatch = upload(admin, "manual.docx", KnowledgeFiles.pdf(List.of(List.of("not a word file"))), List.of(), null);
        assertThat(mismatch.status()).as(mismatch.raw()).isEqualTo(415);
        assertThat(mismatch.body().get("error").get("message").asText()).contains("PDF");

        byte[] large = new byte[16 * 1024 * 1024 + 512];
        Arrays.fill(large, (byte) 'a');
        Api.Response tooLarge = upload(admin, "large.txt", large, List.of(), null);
        assertThat(tooLarge.status()).as(tooLarge.raw()).isEqualTo(413);
        assertThat(tooLarge.errorType()).isEqualTo("PAYLOAD_TOO_LARGE");

        Api.Response engineer = upload(newUser("user"), "notes.txt", "text".getBytes(StandardCharsets.UTF_8), List.of(), null);
        assertThat(engineer.status()).isEqualTo(403);
        Api.Response anonymous = upload(anonymous(), "notes.txt", "text".getBytes(StandardCharsets.UTF_8), List.of(), null);
        assertThat(anonymous.status()).isEqualTo(401);

        assertThat(total(admin)).isEqualTo(before);
    }

    @Test
    void a_file_name_with_path_parts_and_control_characters_is_stored_cleaned() {
        Api admin = admin();
        String docId = uploaded(admin, "../../etc/\u0001mpls\u0007 notes.txt",
                "LDP sessions between loopbacks need a route to the peer's /32. bilbyldp\n".getBytes(StandardCharsets.UTF_8),
                List.of(), null);
        admin.await(DOCUMENTS + "/" + docId, r -> r.status() == 200, Duration.ofSeconds(10));
        assertThat(admin.get(DOCUMENTS + "/" + docId).body().get("fileName").asText()).isEqualTo("mpls notes.txt");
        settled(admin, docId);

        String chinese = uploaded(admin, "华为 OSPF 手册.txt", "OSPF 邻居卡在 ExStart 时检查两端 MTU 是否一致。袋熊\n"
                .getBytes(StandardCharsets.UTF_8), List.of("ospf"), "华为");
        admin.await(DOCUMENTS + "/" + chinese, r -> r.status() == 200, Duration.ofSeconds(10));
        Api.Response detail = admin.get(DOCUMENTS + "/" + chinese);
        assertThat(detail.body().get("fileName").asText()).isEqualTo("华为 OSPF 手册.txt");
        assertThat(detail.body().get("vendor").asText()).isEqualTo("Huawei");
        settled(admin, chinese);
    }

    @Test
    void reads_need_a_login_and_bad_parameters_are_refused() {
        Api engineer = newUser("user");
        assertThat(anonymous().get(DOCUMENTS).status()).isEqualTo(401);
        assertThat(anonymous().get("/api/v1/knowledge/search?q=ospf").status()).isEqualTo(401);
        assertThat(engineer.get(DOCUMENTS + "?status=DONE").status()).isEqualTo(400);
        assertThat(engineer.get(DOCUMENTS + "?page=0").status()).isEqualTo(400);
        assertThat(engineer.get(DOCUMENTS + "?pageSize=1000").status()).isEqualTo(400);
        assertThat(engineer.get(DOCUMENTS + "/no-such-doc").status()).isEqualTo(404);
        assertThat(engineer.get("/api/v1/knowledge/search").status()).isEqualTo(400);
        assertThat(engineer.get("/api/v1/knowledge/search?q=%20").status()).isEqualTo(400);
        Api.Response weight = engineer.get("/api/v1/knowledge/search?q=ospf&weight=1.5");
        assertThat(weight.status()).isEqualTo(400);
        assertThat(weight.errorType()).isEqualTo("INVALID_REQUEST");
        assertThat(engineer.get("/api/v1/knowledge/search?q=ospf&weight=abc").status()).isEqualTo(400);
        assertThat(engineer.get("/api/v1/knowledge/search?q=ospf&k=51").status()).isEqualTo(400);
        assertThat(engineer.get("/api/v1/knowledge/search?q=ospf&k=0").status()).isEqualTo(400);
        assertThat(engineer.get("/api/v1/knowledge/search?q=ospf&k=50").status()).isEqualTo(200);
        assertThat(engineer.post("/api/v1/admin/knowledge/reindex", Map.of()).status()).isEqualTo(403);
    }

    // ---- the agent and the rebuild --------------------------------------------------------------------------

    @Test
    void a_case_solution_cites_a_chunk_of_an_uploaded_document() {
        Api admin = admin();
        // its own tag keeps the other tests' OSPF documents (manuals, published corrections) out of this case's retrieval
        String docId = uploaded(admin, "ospf-mtu-guide.docx", ospfDocx("kiwimtu"), List.of("ospf", "kiwi-guide"), "Huawei");
        indexed(admin, docId);

        Api engineer = newUser("user");
        Api.Response opened = engineer.post("/api/v1/cases", Map.of("query", "OSPF邻居状态卡在ExStart", "attachments", List.of()));
        String caseId = opened.body().get("caseId").asText();
        String analysis = opened.body().get("nodes").get(1).get("id").asText();
        engineer.await("/api/v1/cases/" + caseId + "/nodes/" + analysis,
                r -> r.status() == 200 && !"PROCESSING".equals(r.body().get("status").asText()), Duration.ofSeconds(30));
        Api.Response answer = engineer.post("/api/v1/cases/" + caseId + "/interactions", Map.of("parentNodeId", analysis,
                "response", "设备是华为NE40E，两端接口MTU分别为1500和9000，display ospf peer 显示一直是ExStart，已经检查过area和认证配置",
                "retrievalWeight", 0.5, "filterTags", List.of("kiwi-guide")));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        String second = answer.body().get("processingNodeId").asText();
        Api.Response solution = engineer.await("/api/v1/cases/" + caseId + "/nodes/" + second,
                r -> r.status() == 200 && !"PROCESSING".equals(r.body().get("status").asText()), Duration.ofSeconds(30));
        assertThat(solution.body().get("type").asText()).as(solution.raw()).isEqualTo("SOLUTION");
        JsonNode sources = solution.body().get("content").get("sources");
        JsonNode cited = StreamSupport.stream(sources.spliterator(), false)
                .filter(s -> s.get("docId").asText().equals(docId)).findFirst()
                .orElseThrow(() -> new AssertionError("no source cites " + docId + ": " + solution.raw()));
        assertThat(cited.get("chunkId").asText()).startsWith(docId + "#");
        assertThat(cited.get("fileName").asText()).isEqualTo("ospf-mtu-guide.docx");
        assertThat(cited.get("score").asDouble()).isPositive();
        JsonNode location = cited.get("location");
        assertThat(location.get("section").asText()).isEqualTo("ospf-mtu-guide.docx");
        assertThat(location.get("start").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(location.get("end").asInt()).isGreaterThan(location.get("start").asInt());
        assertThat(location.has("page")).isTrue();
    }

    @Test
    void the_index_rebuilt_from_events_alone_answers_the_same_searches() {
        Api admin = admin();
        String kept = uploaded(admin, "stp.txt", ("Spanning tree: a port in blocking state forwards no frames; a topology change "
                + "floods MAC tables. wallabystp\n\nRoot guard stops a customer switch from becoming root. wallabystp")
                .getBytes(StandardCharsets.UTF_8), List.of("stp"), "H3C");
        String gone = uploaded(admin, "stp-old.txt", "Old note about spanning tree wallabystp blocking ports and root guard.\n"
                .getBytes(StandardCharsets.UTF_8), List.of("stp"), null);
        indexed(admin, kept);
        indexed(admin, gone);
        assertThat(admin.method("DELETE", DOCUMENTS + "/" + gone).status()).isEqualTo(204);
        String query = "/api/v1/knowledge/search?k=20&q=" + q("wallabystp spanning tree blocking root guard");
        List<String> before = items(admin.get(query)).stream().map(i -> i.get("chunkId").asText()).toList();
        assertThat(before).anyMatch(id -> id.startsWith(kept + "#")).noneMatch(id -> id.startsWith(gone + "#"));
        long chunks = admin.get("/api/v1/admin/knowledge/index").body().get("chunks").asLong();

        Api.Response rebuild = admin.post("/api/v1/admin/knowledge/reindex", Map.of());
        assertThat(rebuild.status()).as(rebuild.raw()).isEqualTo(202);
        assertThat(rebuild.body().get("state").asText()).isEqualTo("REBUILDING");
        admin.await("/api/v1/admin/knowledge/index", r -> "READY".equals(r.body().get("state").asText())
                && r.body().get("chunks").asLong() == chunks, Duration.ofSeconds(180));

        List<String> after = items(admin.get(query)).stream().map(i -> i.get("chunkId").asText()).toList();
        assertThat(after).isEqualTo(before);
    }
}
