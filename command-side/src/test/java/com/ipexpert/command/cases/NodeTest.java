package com.ipexpert.command.cases;

import com.ipexpert.api.cases.NodeCommands;
import com.ipexpert.api.cases.NodeEvents;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.ipexpert.command.cases.CaseFixtures.*;

class NodeTest {
    private static final Map<String, Object> SOLUTION_CONTENT = Map.of("answer", "check MTU", "sources", java.util.List.of(),
            "commands", java.util.List.of("display ospf peer"));
    private static final Map<String, Object> METADATA = Map.of("analyst", "offline");
    private AggregateTestFixture<Node> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Node.class);
    }

    private static NodeEvents.NodeCreated analysisCreated() {
        return nodeCreated(ANALYSIS, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, null, T0);
    }

    @Test
    void a_failed_attempt_is_recorded_with_its_reason() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0))
                .when(new NodeCommands.RecordAttemptFailure(ANALYSIS, 1, "boom", true, false, T0))
                .expectEvents(new NodeEvents.AnalysisAttemptFailed(ANALYSIS, CASE, 1, "boom", true, false, T0));
    }

    @Test
    void a_failure_of_an_attempt_that_is_not_running_is_refused() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisAttemptFailed(ANALYSIS, CASE, 1, "boom", true, false, T0))
                .when(new NodeCommands.RecordAttemptFailure(ANALYSIS, 1, "timed out", true, true, T0))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void the_next_attempt_follows_a_failed_one() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisAttemptFailed(ANALYSIS, CASE, 1, "boom", true, false, T0))
                .when(new NodeCommands.StartNextAttempt(ANALYSIS, 2, T0.plusSeconds(2)))
                .expectEvents(attemptStarted(ANALYSIS, 2, T0.plusSeconds(2)));
    }

    @Test
    void a_next_attempt_while_one_runs_is_refused() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0))
                .when(new NodeCommands.StartNextAttempt(ANALYSIS, 2, T0))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void a_worker_claims_the_current_attempt_when_it_begins_running_it() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0))
                .when(new NodeCommands.ClaimAttempt(ANALYSIS, 1, T0.plusSeconds(90)))
                .expectEvents(new NodeEvents.AnalysisAttemptClaimed(ANALYSIS, CASE, 1, T0.plusSeconds(90)));
    }

    @Test
    void an_attempt_sent_twice_is_claimed_once() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisAttemptClaimed(ANALYSIS, CASE, 1, T0.plusSeconds(1)))
                .when(new NodeCommands.ClaimAttempt(ANALYSIS, 1, T0.plusSeconds(2)))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already being run"))
                .expectNoEvents();
    }

    @Test
    void an_attempt_that_already_ended_cannot_be_claimed() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisAttemptFailed(ANALYSIS, CASE, 1, "boom", true, false, T0))
                .when(new NodeCommands.ClaimAttempt(ANALYSIS, 1, T0.plusSeconds(2)))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void the_next_attempt_can_be_claimed_after_a_claimed_one_failed() {
        fixture.given(analysisCreated(), attemptStarted(ANALYSIS, 1, T0),
                        new NodeEvents.AnalysisAttemptClaimed(ANALYSIS, CASE, 1, T0),
                        new NodeEvents.AnalysisAttemptFailed(ANALYSIS, CASE, 1, "boom", true, false, T0),
                        attemptStarted(ANALYSIS, 2, T0.plusSeconds(2)))
                .when(new NodeCommands.ClaimAttempt(ANALYSIS, 2, T0.plusSeconds(3)))
                .expectEvents(new NodeEvents.AnalysisAttemptClaimed(ANALYSIS, CASE, 2, T0.plusSeconds(3)));
    }
}
