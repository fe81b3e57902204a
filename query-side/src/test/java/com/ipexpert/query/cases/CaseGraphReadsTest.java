package com.ipexpert.query.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseEvents.ClarificationAnswered;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CaseQueries.FindCaseGraph;
import com.ipexpert.api.cases.CaseQueries.FindNode;
import com.ipexpert.api.cases.CaseViews.CaseGraph;
import com.ipexpert.api.cases.CaseViews.NodeView;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import com.ipexpert.api.cases.NodeEvents.NodeCreated;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.api.identity.Requester;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of the case graph kept in memory between reads (H2 in PostgreSQL mode, the real schema): every change of a
 * case shows on the next read, also changes stamped with the same instant, and a rebuilt read model never answers a
 * graph kept from before the rebuild for a different state.
 */
class CaseGraphReadsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Requester ALICE = new Requester("alice", Set.of(Requester.USER));
    private static final Requester BOB = new Requester("bob", Set.of(Requester.USER));
    private final CaseId caseId = CaseId.of("case-1");
    private final NodeId query = NodeId.of("n-query");
    private final NodeId analysis = NodeId.of("n-analysis");
    private JdbcClient jdbc;
    private CaseGraphStore store;
    private CaseGraphProjection projection;
    private CaseQueryHandlers queries;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:graph-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(db);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        store = new CaseGraphStore(jdbc, json, 100);
        projection = new CaseGraphProjection(jdbc, new JdbcTemplate(db), json, SimpleQueryUpdateEmitter.builder().build(), store);
        queries = new CaseQueryHandlers(store);
    }

    private void open() {
        projection.on(new CaseOpened(caseId, "alice", "OSPF stuck in ExStart", "OSPF stuck in ExStart", List.of(),
                query, analysis, RetrievalSettings.defaults(), T0), T0);
        projection.on(new NodeCreated(query, caseId, NodeType.USER_QUERY, NodeStatus.COMPLETED,
                Map.of("text", "OSPF stuck in ExStart"), T0), T0);
        projection.on(new NodeCreated(analysis, caseId, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, Map.of(), T0), T0);
    }

    private void clarify(Instant at) {
        projection.on(new AnalysisConcluded(analysis, caseId, 1, NodeType.AI_CLARIFICATION, NodeStatus.AWAITING_USER_INPUT,
                Map.of("question", "Which MTU is set on each side?"), Map.of("analyst", "offline"), "OSPF", "Huawei", at), at);
    }

    private CaseGraph graph(Requester requester) {
        return queries.handle(new FindCaseGraph(caseId, requester)).orElseThrow();
    }

    private long revision() {
        return jdbc.sql("select revision from case_view where case_id = ?").param(caseId.value()).query(Long.class).single();
    }

    @Test
    void every_change_shows_on_the_next_read_also_when_stamped_with_the_same_instant() {
        open();
        CaseGraph opened = graph(ALICE);
        assertThat(opened.nodes()).extracting(NodeView::status).containsExactly(NodeStatus.COMPLETED, NodeStatus.PROCESSING);
        long before = revision();

        // Concluded at the very instant the case was opened: updated_at does not move, the revision does.
        clarify(T0);
        assertThat(revision()).isGreaterThan(before);
        CaseGraph clarified = graph(ALICE);
        assertThat(clarified.nodes().get(1).type()).isEqualTo(NodeType.AI_CLARIFICATION);
        assertThat(clarified.nodes().get(1).content()).containsEntry("question", "Which MTU is set on each side?");
        assertThat(queries.handle(new FindNode(caseId, analysis, ALICE))).get()
                .extracting(NodeView::status).isEqualTo(NodeStatus.AWAITING_USER_INPUT);

        NodeId response = NodeId.of("n-response");
        NodeId next = NodeId.of("n-next");
        projection.on(new ClarificationAnswered(caseId, "alice", analysis, response, next, Map.of("text", "1500 and 9000"),
                RetrievalSettings.defaults(), T0), T0);
        projection.on(new NodeCreated(response, caseId, NodeType.USER_RESPONSE, NodeStatus.COMPLETED,
                Map.of("text", "1500 and 9000"), T0), T0);
        projection.on(new NodeCreated(next, caseId, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, Map.of(), T0), T0);
        CaseGraph answered = graph(ALICE);
        assertThat(answered.nodes()).hasSize(4);
        assertThat(answered.edges()).hasSize(3);
        assertThat(answered.nodes().get(1).status()).isEqualTo(NodeStatus.COMPLETED);
        assertThat(queries.handle(new FindNode(caseId, next, ALICE))).get()
                .extracting(NodeView::status).isEqualTo(NodeStatus.PROCESSING);
    }

    @Test
    void a_kept_graph_is_shown_only_to_whoever_may_see_the_case() {
        open();
        assertThat(graph(ALICE).nodes()).hasSize(2);
        assertThat(queries.handle(new FindCaseGraph(caseId, BOB))).isEmpty();
        assertThat(queries.handle(new FindNode(caseId, analysis, BOB))).isEmpty();
    }

    @Test
    void after_a_rebuild_no_revision_repeats_and_the_graph_read_is_the_rebuilt_one() throws InterruptedException {
        open();
        clarify(T0.plusSeconds(5));
        CaseGraph original = graph(ALICE);
        long revisionBefore = revision();

        Thread.sleep(2); // a rebuild comes later than the changes it repeats
        projection.reset();
        open(); // the rebuild has come as far as the opening: the analysis still PROCESSING
        assertThat(revision()).isGreaterThan(revisionBefore);
        assertThat(graph(ALICE).nodes().get(1).status()).isEqualTo(NodeStatus.PROCESSING);

        clarify(T0.plusSeconds(5));
        assertThat(graph(ALICE)).isEqualTo(original);
    }
}
