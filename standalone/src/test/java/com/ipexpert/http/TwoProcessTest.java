package com.ipexpert.http;

import com.ipexpert.TestDatabase;
import com.ipexpert.command.CommandSideApplication;
import com.ipexpert.query.QuerySideApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side and the query side as two separate applications that share nothing but the event store
 * (one PostgreSQL database): a case opened on one is analysed there and read, live, from the other.
 */
class TwoProcessTest {
    private static ConfigurableApplicationContext commandSide;
    private static ConfigurableApplicationContext querySide;

    @BeforeAll
    static void start() throws Exception {
        String db = TestDatabase.create("ipexpert_split_" + Long.toHexString(System.nanoTime()));
        String dataDir = Files.createTempDirectory("ipexpert-split-").toString();
        Object[] common = {
                "spring.datasource.url=" + db, "spring.datasource.username=" + TestDatabase.user(),
                "spring.datasource.password=" + TestDatabase.password(), "server.port=0",
                "ipexpert.data-dir=" + dataDir, "ipexpert.security.jwt-secret=split-secret-split-secret-split-secret-0123",
                "ipexpert.security.admin-password=split-admin-123", "axon.axonserver.enabled=false",
                "axon.update-check.disabled=true", "spring.jpa.hibernate.ddl-auto=none", "spring.jmx.enabled=false",
                "spring.main.banner-mode=off", "spring.jpa.open-in-view=false"};
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class).run(arguments(common));
        querySide = new SpringApplicationBuilder(QuerySideApplication.class).run(arguments(common));
    }

    @AfterAll
    static void stop() {
        if (querySide != null) querySide.close();
        if (commandSide != null) commandSide.close();
    }

    /** As command-line arguments, so they win over the packaged application.yml. */
    private static String[] arguments(Object[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) out[i] = "--" + values[i];
        return out;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void a_case_opened_on_the_command_side_is_read_from_the_query_side() throws Exception {
        assertThat(commandSide.getBeanNamesForType(QuerySideApplication.class)).isEmpty();
        assertThat(querySide.containsBean("caseCommandController")).isFalse();
        assertThat(commandSide.containsBean("caseGraphProjection")).isFalse();

        Api writes = new Api(port(commandSide)).as("admin", "split-admin-123");
        Api reads = new Api(port(querySide)).withToken(writes.token());
        Api.Response opened = writes.post("/api/v1/cases", Map.of("query", "BGP session flaps every 3 minutes on Cisco ASR9k",
                "attachments", List.of()));
        assertThat(opened.status()).isEqualTo(200);
        String caseId = opened.body().get("caseId").asText();
        String analysisNode = opened.body().get("nodes").get(1).get("id").asText();

        Api.Response node = reads.await("/api/v1/cases/" + caseId + "/nodes/" + analysisNode,
                r -> r.status() == 200 && !"PROCESSING".equals(r.body().get("status").asText()), Duration.ofSeconds(30));
        assertThat(node.body().get("type").asText()).isIn("AI_CLARIFICATION", "SOLUTION");
        Api.Response graph = reads.get("/api/v1/cases/" + caseId);
        assertThat(graph.body().get("nodes")).hasSize(2);
        assertThat(reads.get("/api/v1/cases").body()).extracting(n -> n.get("caseId").asText()).contains(caseId);
        // The query side's live stream works without the agent's drafts, which only the command side could give.
        try (EventStream stream = EventStream.open(reads, "/api/v1/cases/" + caseId + "/stream")) {
            EventStream.Event first = stream.await(e -> true, Duration.ofSeconds(10));
            assertThat(first.name()).isEqualTo("graph");
            assertThat(first.data().get("caseId").asText()).isEqualTo(caseId);
        }
        // Each side serves only its own half of the API.
        assertThat(writes.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
        assertThat(reads.post("/api/v1/cases", Map.of("query", "x")).status()).isEqualTo(404);
    }
}
