package com.ipexpert.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.ipexpert.command.CommandSideApplication;
import com.ipexpert.gateway.stack.Client;
import com.ipexpert.gateway.stack.GatewayProcess;
import com.ipexpert.gateway.stack.TestDatabase;
import com.ipexpert.query.QuerySideApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.support.ServletRequestHandledEvent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distributed stack on the PostgreSQL event store behind the gateway: two command-side instances (each with its
 * own data directory, files in the database) and one query side, one base URL for the client. Requests go where
 * their method and path say, take turns over the command-side instances, pass live streams through unbuffered,
 * fail over when an instance is gone, and answer 503 in the error shape when a whole side is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayTest {
    private static final String ADMIN_PASSWORD = "gateway-admin-123";
    private static final List<ConfigurableApplicationContext> commandSides = new ArrayList<>();
    private static final List<AtomicInteger> casesOpenedOn = new ArrayList<>();
    private static ConfigurableApplicationContext querySide;
    private static String database;
    private static GatewayProcess gateway;
    private static Client admin;

    @BeforeAll
    static void start() throws Exception {
        String db = TestDatabase.create("ipexpert_gateway");
        database = db;
        List<String> common = List.of("spring.datasource.url=" + db, "spring.datasource.username=" + TestDatabase.user(),
                "spring.datasource.password=" + TestDatabase.password(), "server.port=0",
                "ipexpert.security.jwt-secret=Qm9uSm91ckxlTW9uZGUtZ2F0ZXdheS10ZXN0LWtleS0xMjM0NTY3OA",
                "ipexpert.security.admin-password=" + ADMIN_PASSWORD, "ipexpert.knowledge.file-store=database",
                "axon.axonserver.enabled=false", "axon.update-check.disabled=true", "spring.jmx.enabled=false",
                "spring.main.banner-mode=off");
        for (int i = 0; i < 2; i++) {
            AtomicInteger opened = new AtomicInteger();
            casesOpenedOn.add(opened);
            List<String> own = new ArrayList<>(common);
            own.add("ipexpert.data-dir=" + Files.createTempDirectory("ipexpert-gw-command-" + i));
            // two instances in one JVM share its pid@host: each claims under its own name, as two processes would
            own.add("ipexpert.processing.owner=gateway-test-command-" + i);
            commandSides.add(new SpringApplicationBuilder(CommandSideApplication.class)
                    .listeners(event -> {
                        if (event instanceof ServletRequestHandledEvent handled && "POST".equals(handled.getMethod())
                                && handled.getRequestUrl().equals("/api/v1/cases")) opened.incrementAndGet();
                    })
                    .run(arguments(own)));
        }
        List<String> query = new ArrayList<>(common);
        query.add("ipexpert.data-dir=" + Files.createTempDirectory("ipexpert-gw-query-"));
        query.add("ipexpert.processing.owner=gateway-test-query");
        querySide = new SpringApplicationBuilder(QuerySideApplication.class).run(arguments(query));
        gateway = GatewayProcess.start(List.of(url(commandSides.get(0)), url(commandSides.get(1))), List.of(url(querySide)),
                Files.createTempFile("ipexpert-gateway-", ".log"));
        admin = new Client(gateway.url()).as("admin", ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) gateway.close();
        if (querySide != null) querySide.close();
        commandSides.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    @Order(1)
    void one_base_url_serves_writes_reads_and_live_streams() {
        Client.Response opened = admin.post("/api/v1/cases", Map.of("query", "OSPF邻居状态卡在ExStart", "attachments", List.of()));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        assertThat(opened.headers()).containsKey("x-correlation-id");
        String caseId = opened.body().get("caseId").asText();

        // the same path, read: the query side answers once its projection has the case
        Client.Response graph = admin.await("/api/v1/cases/" + caseId, r -> r.status() == 200, Duration.ofSeconds(20));
        assertThat(graph.status()).as(graph.raw()).isEqualTo(200);
        assertThat(graph.body().get("nodes")).hasSize(2);
        assertThat(admin.get("/api/v1/cases").body()).extracting(n -> n.get("caseId").asText()).contains(caseId);
        assertThat(admin.get("/api/v1/auth/me").body().get("username").asText()).isEqualTo("admin");

        // the live stream's first event arrives while the stream is still open: nothing on the way buffers it
        List<Client.StreamEvent> events = admin.stream("/api/v1/cases/" + caseId + "/stream", e -> !e.isEmpty(),
                Duration.ofSeconds(15));
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).name()).isEqualTo("graph");
        assertThat(events.get(0).data().get("caseId").asText()).isEqualTo(caseId);
    }

    @Test
    @Order(2)
    void cases_opened_through_the_gateway_take_turns_over_the_command_side_instances() {
        int before0 = casesOpenedOn.get(0).get();
        int before1 = casesOpenedOn.get(1).get();
        for (int i = 0; i < 6; i++) {
            Client.Response opened = admin.post("/api/v1/cases", Map.of("query", "BGP session flaps every 3 minutes #" + i,
                    "attachments", List.of()));
            assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        }
        assertThat(casesOpenedOn.get(0).get() - before0).isEqualTo(3);
        assertThat(casesOpenedOn.get(1).get() - before1).isEqualTo(3);
    }

    @Test
    @Order(3)
    void a_document_uploaded_to_one_instance_is_ingested_whichever_instance_parses_it() {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] manual = ("# OSPF troubleshooting " + i + "\n\nWhen the neighbor is stuck in ExStart, check the MTU on "
                    + "both ends: display ospf peer, display interface. Manual number " + i + ".\n").getBytes(StandardCharsets.UTF_8);
            Client.Response uploaded = admin.upload("/api/v1/knowledge/documents", "ospf-" + i + ".md", manual, "Huawei",
                    List.of("ospf"));
            assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(200);
            docs.add(uploaded.body().get("docId").asText());
        }
        for (String doc : docs) {
            Client.Response detail = admin.await("/api/v1/knowledge/documents/" + doc,
                    r -> r.status() == 200 && List.of("INDEXED", "FAILED").contains(r.body().get("status").asText()),
                    Duration.ofSeconds(120));
            assertThat(detail.body().get("status").asText()).as(detail.raw()).isEqualTo("INDEXED");
        }
        // every segment is claimed under an instance's own name (ipexpert.processing.owner), none under the JVM's
        // pid@host the three instances here share: so no two of them ran the same saga
        assertThat(tokenOwners()).isNotEmpty().allMatch(owner -> owner.startsWith("gateway-test-"));
    }

    private static List<String> tokenOwners() {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password());
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "select distinct owner from token_entry where owner is not null and processor_name <> '__config'")) {
            List<String> owners = new ArrayList<>();
            while (rs.next()) owners.add(rs.getString(1));
            return owners;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(4)
    void projections_of_both_sides_are_listed_through_one_url() {
        Client.Response projections = admin.get("/api/v1/admin/projections");
        assertThat(projections.status()).as(projections.raw()).isEqualTo(200);
        List<String> names = StreamSupport.stream(projections.body().spliterator(), false)
                .map(p -> p.get("name").asText()).toList();
        assertThat(names).contains("case-graph", "agent-saga");
    }

    @Test
    @Order(5)
    void unknown_paths_answer_in_the_error_shape() {
        Client.Response unknown = admin.get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").get("type").asText()).isEqualTo("NOT_FOUND");
        Client.Response outside = admin.get("/api/v2/cases");
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.body().get("status").asText()).isEqualTo("error");
    }

    @Test
    @Order(6)
    void when_one_command_side_instance_is_gone_the_other_takes_every_request() {
        commandSides.get(0).close();
        for (int i = 0; i < 4; i++) {
            Client.Response opened = admin.post("/api/v1/cases", Map.of("query", "VRRP主备切换频繁 #" + i, "attachments", List.of()));
            assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        }
    }

    @Test
    @Order(7)
    void with_the_command_side_down_writes_and_searches_answer_503_and_reads_still_work() {
        commandSides.get(1).close();
        Client.Response write = admin.post("/api/v1/cases", Map.of("query", "IS-IS adjacency down", "attachments", List.of()));
        assertThat(write.status()).as(write.raw()).isEqualTo(503);
        assertErrorShape(write.body(), 503);

        // the query side is up, but nobody can answer the search query it sends on: 503, not 500
        Client.Response search = admin.get("/api/v1/knowledge/search?q=ExStart");
        assertThat(search.status()).as(search.raw()).isEqualTo(503);
        assertErrorShape(search.body(), 503);

        Client.Response list = admin.get("/api/v1/cases");
        assertThat(list.status()).isEqualTo(200);
    }

    private static void assertErrorShape(JsonNode body, int code) {
        assertThat(body.get("code").asInt()).isEqualTo(code);
        assertThat(body.get("status").asText()).isEqualTo("error");
        assertThat(body.get("error").get("type").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(body.get("error").get("message").asText()).isNotBlank();
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String[] arguments(List<String> values) {
        return values.stream().map(v -> "--" + v).toArray(String[]::new);
    }
}
