package com.ipexpert.query.similar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseEvents.AnalysisOutcomeRecorded;
import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseEvents.CaseReopened;
import com.ipexpert.api.cases.CaseEvents.CaseSolved;
import com.ipexpert.api.cases.CaseEvents.ClarificationAnswered;
import com.ipexpert.api.cases.CaseEvents.FeedbackGiven;
import com.ipexpert.api.cases.CaseEvents.FeedbackReviewed;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CorrectedSolution;
import com.ipexpert.api.cases.CaseQueries.FindSimilarCases;
import com.ipexpert.api.cases.CaseStatus;
import com.ipexpert.api.cases.CaseViews.SimilarCase;
import com.ipexpert.api.cases.CaseViews.SimilarCases;
import com.ipexpert.api.cases.FeedbackOutcome;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.api.cases.ReviewDecision;
import com.ipexpert.api.identity.Requester;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The similar-cases read model on the real schema (H2 in PostgreSQL mode): who sees what, in which order, after a replay. */
class SimilarCasesProjectionTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final Requester ALICE = new Requester("alice", Set.of(Requester.USER));
    private static final Requester BOB = new Requester("bob", Set.of(Requester.USER));
    private static final Requester ADMIN = new Requester("root", Set.of(Requester.ADMIN));
    private static final Requester AUDITOR = new Requester("eve", Set.of(Requester.AUDITOR));

    private SimilarCasesProjection projection;
    private SimilarCasesQueryHandlers queries;
    /** Every event given, in order, so a test can replay them after a reset. */
    private final List<Consumer<SimilarCasesProjection>> history = new ArrayList<>();
    private int minute;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:similar-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        projection = new SimilarCasesProjection(jdbc, json);
        queries = new SimilarCasesQueryHandlers(jdbc, json);
    }

    private void given(Consumer<SimilarCasesProjection> event) {
        history.add(event);
        event.accept(projection);
    }

    private Instant next() {
        return T0.plusSeconds(60L * ++minute);
    }

    /** A case as a test tells it: opened by {@code owner}, classified, optionally given a solution. */
    private final class CaseStory {
        final CaseId id;

        CaseStory(String id, String owner, String query, String category, String vendor) {
            this.id = CaseId.of(id);
            Instant at = next();
            given(p -> p.on(new CaseOpened(this.id, owner, query.length() > 60 ? query.substring(0, 60) : query, query, List.of(),
                    NodeId.of(id + "-q"), NodeId.of(id + "-a"), RetrievalSettings.defaults(), at), at));
            given(p -> p.on(new AnalysisOutcomeRecorded(this.id, NodeId.of(id + "-a"), AnalysisOutcome.CLARIFICATION, category,
                    vendor, "analysis", List.of("Which state?"), at)));
        }

        CaseStory answered(String text) {
            Instant at = next();
            given(p -> p.on(new ClarificationAnswered(id, "owner", NodeId.of(id + "-a"), NodeId.of(id + "-r"), NodeId.of(id + "-a2"),
                    Map.of("text", text), RetrievalSettings.defaults(), at)));
            return this;
        }

        CaseStory solution(String answer, String... commands) {
            Instant at = next();
            given(p -> p.on(new AnalysisConcluded(NodeId.of(id + "-s"), id, 1, NodeType.SOLUTION, NodeStatus.COMPLETED,
                    Map.of("answer", answer, "commands", List.of(commands), "sources", List.of()), Map.of(), "OSPF", null, at)));
            return this;
        }

        CaseStory solved() {
            Instant at = next();
            given(p -> p.on(new CaseSolved(id, at), at));
            return this;
        }

        CaseStory feedback(String feedbackId, FeedbackOutcome outcome, String corrected, ReviewDecision decision) {
            return feedback(feedbackId, outcome, corrected == null ? null : CorrectedSolution.text(corrected), decision);
        }

        CaseStory feedback(String feedbackId, FeedbackOutcome outcome, CorrectedSolution corrected, ReviewDecision decision) {
            Instant at = next();
            given(p -> p.on(new FeedbackGiven(id, feedbackId, "owner", outcome, "comment", corrected, at)));
            given(p -> p.on(new FeedbackReviewed(id, feedbackId, "root", decision, "ok", at)));
            return this;
        }
    }

    private Optional<SimilarCases> similarTo(CaseStory c, Requester requester) {
        return queries.handle(FindSimilarCases.of(c.id, requester, 5));
    }

    private List<String> idsSimilarTo(CaseStory c, Requester requester) {
        return similarTo(c, requester).orElseThrow().items().stream().map(SimilarCase::caseId).toList();
    }

    @Test
    void an_earlier_solved_case_of_the_same_fault_is_shown_with_its_solution_and_why_it_is_alike() {
        new CaseStory("old", "alice", "华为NE40E OSPF邻居卡在ExStart，MTU 两端不一致", "OSPF", "Huawei")
                .solution("1. 接口 MTU 不一致：两端改为相同 MTU。", "display ospf peer", "display interface GigabitEthernet1/0/0").solved();
        CaseStory now = new CaseStory("new", "alice", "NE40E 的 OSPF 邻居一直停在 ExStart 状态", "OSPF", "Huawei");

        SimilarCase found = similarTo(now, ALICE).orElseThrow().items().get(0);

        assertThat(found.caseId()).isEqualTo("old");
        assertThat(found.solved()).isTrue();
        assertThat(found.status()).isEqualTo(CaseStatus.SOLVED);
        assertThat(found.solution().answer()).contains("MTU");
        assertThat(found.solution().commands()).containsExactly("display ospf peer", "display interface GigabitEthernet1/0/0");
        assertThat(found.solution().nodeId()).isEqualTo("old-s");
        assertThat(found.score()).isBetween(SimilarCasesQueryHandlers.AT_LEAST, 1.0);
        assertThat(found.alike()).contains("category OSPF", "vendor Huawei").anySatisfy(a -> assertThat(a).startsWith("terms ").contains("exstart"));
    }

    @Test
    void approved_solutions_come_first_then_solved_cases_then_the_rest_by_score() {
        new CaseStory("unsolved-twin", "alice", "Cisco ISR4451 OSPF neighbor stuck in EXSTART on Gi0/0/1, MTU 1500 vs 9216", "OSPF", "Cisco")
                .solution("Interface MTU mismatch.", "show ip ospf neighbor");
        new CaseStory("solved", "alice", "Cisco OSPF neighbor stuck EXSTART", "OSPF", "Cisco").solution("MTU mismatch.").solved();
        new CaseStory("approved", "alice", "OSPF adjacency does not form on a Cisco router", "OSPF", "Cisco")
                .solution("Check the MTU.").solved()
                .feedback("f-1", FeedbackOutcome.SOLVED, "ip mtu 9216 on both ends, then clear ip ospf process", ReviewDecision.APPROVE);
        new CaseStory("rejected", "alice", "Cisco OSPF neighbor EXSTART MTU", "OSPF", "Cisco").solution("Reboot.").solved()
                .feedback("f-2", FeedbackOutcome.SOLVED, "reboot it", ReviewDecision.REJECT);
        CaseStory now = new CaseStory("new", "alice", "Cisco ISR4451 OSPF neighbor stuck in EXSTART on Gi0/0/1", "OSPF", "Cisco");

        SimilarCases similar = similarTo(now, ALICE).orElseThrow();

        assertThat(similar.items()).extracting(SimilarCase::caseId).containsExactly("approved", "solved", "rejected", "unsolved-twin");
        assertThat(similar.items().get(0).approved()).isTrue();
        assertThat(similar.items().get(0).solution().correctedSolution())
                .isEqualTo(CorrectedSolution.text("ip mtu 9216 on both ends, then clear ip ospf process"));
        assertThat(similar.items().get(2).approved()).isFalse();
        assertThat(similar.items().get(2).solution().correctedSolution()).isNull();
        assertThat(similar.items().get(3).solved()).isFalse();
        // among the solved ones the closer case ranks higher
        assertThat(similar.items().get(1).score()).isGreaterThan(similar.items().get(2).score());
    }

    @Test
    void an_approved_correction_given_as_an_object_is_shown_as_that_object() {
        Map<String, Object> steps = Map.of("steps", List.of("ip mtu 9216 on Gi0/0/1", "clear ip ospf process"));
        new CaseStory("approved", "alice", "Cisco OSPF neighbor stuck EXSTART", "OSPF", "Cisco").solution("Check the MTU.").solved()
                .feedback("f-9", FeedbackOutcome.SOLVED, CorrectedSolution.object(steps), ReviewDecision.APPROVE);
        CaseStory now = new CaseStory("new", "alice", "Cisco OSPF neighbor stuck in EXSTART", "OSPF", "Cisco");

        assertThat(similarTo(now, ALICE).orElseThrow().items().get(0).solution().correctedSolution())
                .isEqualTo(CorrectedSolution.object(steps));
    }

    @Test
    void a_user_sees_only_their_own_cases_and_an_administrator_or_auditor_sees_every_case() {
        new CaseStory("bobs", "bob", "Huawei BGP peer stuck in Active, hold timer expired", "BGP", "Huawei").solution("Check the peer AS.").solved();
        new CaseStory("alices-old", "alice", "Huawei BGP peer keeps flapping, hold timer expired", "BGP", "Huawei").solution("Raise the hold time.");
        CaseStory now = new CaseStory("alices", "alice", "华为 BGP peer Active, hold timer expired", "BGP", "Huawei");

        assertThat(idsSimilarTo(now, ALICE)).containsExactly("alices-old");
        assertThat(idsSimilarTo(now, ADMIN)).containsExactly("bobs", "alices-old");
        assertThat(idsSimilarTo(now, AUDITOR)).containsExactly("bobs", "alices-old");
        // another user's case is not theirs to compare: no answer at all, as if it did not exist
        assertThat(similarTo(now, BOB)).isEmpty();
        assertThat(queries.handle(FindSimilarCases.of(CaseId.of("missing"), ALICE, 5))).isEmpty();
    }

    @Test
    void unrelated_later_and_solutionless_cases_are_not_shown() {
        new CaseStory("vlan", "alice", "华为 S5720 VLAN 10 不通，trunk 没有放行", "VLAN/STP", "Huawei").solution("放行 VLAN 10。").solved();
        new CaseStory("no-solution", "alice", "华为 OSPF 邻居卡在 ExStart", "OSPF", "Huawei");
        CaseStory now = new CaseStory("new", "alice", "华为 OSPF 邻居 ExStart", "OSPF", "Huawei");
        new CaseStory("later", "alice", "华为 OSPF 邻居卡在 ExStart 状态", "OSPF", "Huawei").solution("MTU.").solved();

        assertThat(idsSimilarTo(now, ALICE)).isEmpty();
    }

    @Test
    void what_the_engineer_answered_later_makes_cases_alike_and_a_reopened_case_is_no_longer_solved() {
        new CaseStory("old", "alice", "OSPF problem", "OSPF", null)
                .answered("neighbour stuck in exstart, interface mtu 1500 against 9000 on the far end")
                .solution("MTU mismatch.").solved();
        CaseStory now = new CaseStory("new", "alice", "neighbour stuck in exstart, mtu differs", "OSPF", null);

        assertThat(similarTo(now, ALICE).orElseThrow().items()).singleElement()
                .satisfies(c -> assertThat(c.alike()).contains("category OSPF", "terms neighbour, stuck, exstart, mtu"));

        given(p -> p.on(new CaseReopened(CaseId.of("old"), "alice", next())));
        assertThat(similarTo(now, ALICE).orElseThrow().items().get(0).solved()).isFalse();
    }

    @Test
    void an_answer_adds_the_words_its_attachments_hold_and_not_the_names_of_their_fields() {
        assertThat(SimilarCasesProjection.textOf(Map.of("text", "see the output", "attachments", List.of("peer-list.txt",
                Map.of("name", "ospf.png", "reference", "neighbour stuck in exstart"))))).contains("see the output",
                "peer-list.txt", "ospf.png", "neighbour stuck in exstart").doesNotContain("name", "reference", "{", "=");

        CaseStory old = new CaseStory("old", "alice", "OSPF problem", "OSPF", null);
        Instant at = next();
        given(p -> p.on(new ClarificationAnswered(CaseId.of("old"), "alice", NodeId.of("old-a"), NodeId.of("old-r"),
                NodeId.of("old-a2"), Map.of("text", "see the screenshot", "attachments", List.of(Map.of("name", "ospf.png",
                        "reference", "neighbour stuck in exstart, interface mtu 1500 against 9000"))),
                RetrievalSettings.defaults(), at)));
        old.solution("MTU mismatch.").solved();
        CaseStory now = new CaseStory("new", "alice", "neighbour stuck in exstart, mtu differs", "OSPF", null);

        assertThat(similarTo(now, ALICE).orElseThrow().items()).singleElement()
                .satisfies(c -> assertThat(c.alike()).contains("terms neighbour, stuck, exstart, mtu"));
    }

    @Test
    void an_analysis_step_compares_its_own_text_before_the_read_model_knows_its_case() {
        new CaseStory("old", "alice", "FRRouting 8.4 BGP session to 10.0.0.2 stays Active", "BGP", "FRRouting").solution("Check the peer.").solved();

        SimilarCases found = queries.handle(FindSimilarCases.resolvedLike(CaseId.of("not-projected-yet"), ALICE,
                "BGP session stays in Active on FRRouting", "BGP", "FRRouting", 3)).orElseThrow();

        assertThat(found.items()).extracting(SimilarCase::caseId).containsExactly("old");
    }

    @Test
    void an_analysis_step_is_shown_only_solved_or_approved_cases_and_a_reopening_takes_back_only_the_solving() {
        new CaseStory("unsolved", "alice", "Cisco OSPF neighbor stuck in EXSTART, MTU 1500 vs 9216", "OSPF", "Cisco")
                .solution("Interface MTU mismatch.");
        new CaseStory("solved", "alice", "Cisco OSPF neighbor stuck EXSTART", "OSPF", "Cisco").solution("MTU mismatch.").solved();
        new CaseStory("approved", "alice", "OSPF adjacency does not form on a Cisco router", "OSPF", "Cisco")
                .solution("Check the MTU.").solved()
                .feedback("f-1", FeedbackOutcome.SOLVED, (String) null, ReviewDecision.APPROVE);
        FindSimilarCases step = FindSimilarCases.resolvedLike(CaseId.of("step"), ALICE,
                "Cisco OSPF neighbor stuck in EXSTART, MTU 1500 vs 9216", "OSPF", "Cisco", 5);

        assertThat(queries.handle(step).orElseThrow().items()).extracting(SimilarCase::caseId).containsExactly("approved", "solved");
        // a page asks for every case with a solution, the unsolved one too
        assertThat(queries.handle(new FindSimilarCases(CaseId.of("step"), ALICE, step.text(), "OSPF", "Cisco", 5, false))
                .orElseThrow().items()).extracting(SimilarCase::caseId).containsExactly("approved", "solved", "unsolved");

        given(p -> p.on(new CaseReopened(CaseId.of("solved"), "alice", next())));
        given(p -> p.on(new CaseReopened(CaseId.of("approved"), "alice", next())));
        // the approval still stands for the reopened case; the one that was only solved is not shown until solved again
        assertThat(queries.handle(step).orElseThrow().items()).extracting(SimilarCase::caseId).containsExactly("approved");

        Instant solvedAgain = next();
        given(p -> p.on(new CaseSolved(CaseId.of("solved"), solvedAgain), solvedAgain));
        assertThat(queries.handle(step).orElseThrow().items()).extracting(SimilarCase::caseId).containsExactly("approved", "solved");
    }

    @Test
    void shared_terms_are_counted_in_the_stored_text_as_a_set_of_them_would_be() {
        Set<String> mine = CaseTerms.of("OSPF neighbour stuck in ExStart, interface MTU 1500 against 9000, 邻居状态卡住");
        for (String stored : List.of("", "ospf", "exstart ospf mtu neighbour", "bgp active hold",
                String.join(" ", CaseTerms.of("华为 OSPF 邻居状态 ExStart，MTU 不一致")),
                CaseTerms.merge("ospf stuck", List.of("mtu", "vlan", "trunk", "邻居")))) {
            Set<String> theirs = CaseTerms.parse(stored);
            List<String> shared = theirs.stream().filter(mine::contains).toList();

            CaseTerms.Shared counted = CaseTerms.shared(stored, mine, 2);

            assertThat(counted.count()).as(stored).isEqualTo(shared.size());
            assertThat(counted.ofStored()).as(stored).isEqualTo(theirs.size());
            assertThat(counted.named()).as(stored).isEqualTo(shared.subList(0, Math.min(2, shared.size())));
        }
    }

    @Test
    void a_replay_after_a_reset_and_redelivered_events_give_the_same_answer() {
        new CaseStory("old", "alice", "Juniper MX204 IS-IS adjacency stuck in Initializing", "IS-IS", "Juniper")
                .solution("Check the MTU and the area.", "show isis adjacency").solved()
                .feedback("f-1", FeedbackOutcome.SOLVED, (String) null, ReviewDecision.APPROVE);
        CaseStory now = new CaseStory("new", "alice", "Juniper MX IS-IS adjacency Initializing", "IS-IS", "Juniper");
        SimilarCases before = similarTo(now, ALICE).orElseThrow();
        assertThat(before.items()).singleElement().satisfies(c -> assertThat(c.approved()).isTrue());

        history.forEach(e -> e.accept(projection));
        assertThat(similarTo(now, ALICE)).contains(before);

        projection.reset();
        assertThat(similarTo(now, ALICE)).isEmpty();
        history.forEach(e -> e.accept(projection));
        assertThat(similarTo(now, ALICE)).contains(before);
    }
}
