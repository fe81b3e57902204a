package com.ipexpert.command.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.ipexpert.api.agent.AgentCommands.PerformAnalysis;
import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseCommands.FailAnalysis;
import com.ipexpert.api.cases.CaseEvents.AnalysisOutcomeRecorded;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeCommands.RecordAttemptFailure;
import com.ipexpert.api.cases.NodeCommands.StartNextAttempt;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptClaimed;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptFailed;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptStarted;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import com.ipexpert.api.cases.NodeEvents.AnalysisFailed;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.cases.RetrievalSettings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

class AgentSagaTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final NodeId NODE = NodeId.of("n-analysis");
    private static final CaseId CASE = CaseId.of("case-1");
    private static final RetrievalSettings RETRIEVAL = new RetrievalSettings(0.5, List.of("ospf"));
    private static final AgentSettings SETTINGS = new AgentSettings(Duration.ofSeconds(60), 3, Duration.ofSeconds(2),
            Duration.ofSeconds(30), 1);
    private SagaTestFixture<AgentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(AgentSaga.class);
        fixture.registerResource(SETTINGS);
        // the application's clock reads the fixture's time, as the real clock reads the deadline manager's
        SagaTestFixture<AgentSaga> timed = fixture;
        fixture.registerResource(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return timed.currentTime();
            }
        });
        fixture.setCallbackBehavior((command, metaData) -> null);
    }

    private static AnalysisAttemptStarted started(int attempt) {
        return new AnalysisAttemptStarted(NODE, CASE, attempt, RETRIEVAL, T0);
    }

    private static AnalysisAttemptFailed failed(int attempt, boolean retryable) {
        return new AnalysisAttemptFailed(NODE, CASE, attempt, "boom", retryable, false, T0);
    }

    private static AnalysisAttemptClaimed claimed(int attempt, Instant at) {
        return new AnalysisAttemptClaimed(NODE, CASE, attempt, at);
    }

    private static RecordAttemptFailure timedOut(int attempt, Instant at) {
        return new RecordAttemptFailure(NODE, attempt, "the analysis step did not finish within 60 s", true, true, at,
                Map.of("stepTimeoutMs", 60_000L));
    }

    @Test
    void a_started_attempt_is_left_to_the_hand_off_and_checked_while_it_waits_in_the_queue() {
        // the process that stored the attempt hands it to its worker (AttemptHandOff): the saga does not send it too
        fixture.givenNoPriorActivity()
                .whenAggregate(NODE.value()).publishes(started(1))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(60), AgentSaga.WATCH)
                .expectNoScheduledDeadlineWithName(Duration.ofSeconds(60), AgentSaga.TIMEOUT);
    }

    @Test
    void a_claim_schedules_nothing_the_watch_of_the_attempt_covers_the_step() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1))
                .andThenTimeElapses(Duration.ofSeconds(50))
                .whenAggregate(NODE.value()).publishes(claimed(1, T0.plusSeconds(50)))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(T0.plusSeconds(60), AgentSaga.WATCH)
                .expectNoScheduledDeadlineWithName(T0, T0.plusSeconds(3600), AgentSaga.TIMEOUT);
    }

    @Test
    void a_claim_made_before_the_saga_read_the_start_schedules_no_second_watch() throws Exception {
        // the hand-off runs right after the commit, the saga's processor a little later: the claim is often older
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1))
                .whenAggregate(NODE.value()).publishes(claimed(1, T0.minusMillis(15)))
                .expectScheduledDeadlineWithName(T0.plusSeconds(60), AgentSaga.WATCH)
                .expectNoScheduledDeadlineWithName(T0, T0.plusSeconds(60).minusNanos(1), AgentSaga.WATCH);
    }

    @Test
    void the_deadline_of_a_step_counts_from_when_a_worker_began_it_not_from_when_it_was_queued() throws Exception {
        // the watch fires a step timeout after the start, finds the step began 50 s in, and comes back when it is due
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1))
                .andThenTimeElapses(Duration.ofSeconds(50))
                .andThenAggregate(NODE.value()).published(claimed(1, T0.plusSeconds(50)))
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectDeadlinesMet(1)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(T0.plusSeconds(110), AgentSaga.WATCH);
    }

    @Test
    void a_step_claimed_late_fails_a_step_timeout_after_its_claim() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1))
                .andThenTimeElapses(Duration.ofSeconds(50))
                .andThenAggregate(NODE.value()).published(claimed(1, T0.plusSeconds(50)))
                .andThenTimeElapses(Duration.ofSeconds(10))
                .whenTimeElapses(Duration.ofSeconds(50))
                .expectDeadlinesMet(1, 1) // the watch at 60 s came back at 110 s
                .expectDispatchedCommands(timedOut(1, T0.plusSeconds(110)));
    }

    @Test
    void a_step_that_waits_in_the_queue_longer_than_its_timeout_is_not_failed_but_sent_again() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1))
                .whenTimeElapses(Duration.ofSeconds(150))
                .expectDeadlinesMet(1, 1)
                .expectDispatchedCommands(new PerformAnalysis(NODE, CASE, 1, RETRIEVAL),
                        new PerformAnalysis(NODE, CASE, 1, RETRIEVAL))
                .expectScheduledDeadlineWithName(T0.plusSeconds(180), AgentSaga.WATCH)
                .expectActiveSagas(1);
    }

    @Test
    void a_step_a_worker_still_holds_is_checked_twice_as_long_after_each_check_up_to_five_minutes() {
        // the worker answers that it already holds the attempt
        fixture.setCallbackBehavior((command, metaData) -> command instanceof PerformAnalysis ? Boolean.TRUE : null);
        // checks at 60 s, then 60 + 120 = 180 s, 180 + 240 = 420 s, then every 300 s: 720 s, 1,020 s
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1))
                .whenTimeElapses(Duration.ofSeconds(750))
                .expectDeadlinesMet(1, 1, 1, 1)
                .expectScheduledDeadlineWithName(T0.plusSeconds(1_020), AgentSaga.WATCH)
                .expectActiveSagas(1);
    }

    @Test
    void a_step_a_worker_did_not_hold_is_checked_again_a_step_timeout_later() {
        // sent again and taken into the queue (the process that held it died): not held before
        fixture.setCallbackBehavior((command, metaData) -> command instanceof PerformAnalysis ? Boolean.FALSE : null);
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1))
                .whenTimeElapses(Duration.ofSeconds(190))
                .expectDeadlinesMet(1, 1, 1)
                .expectScheduledDeadlineWithName(T0.plusSeconds(240), AgentSaga.WATCH);
    }

    @Test
    void the_wait_between_queue_checks_is_never_shorter_than_the_step_timeout() {
        assertThat(AgentSaga.queueCheckAfter(Duration.ofSeconds(60), 0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(AgentSaga.queueCheckAfter(Duration.ofSeconds(60), 2)).isEqualTo(Duration.ofSeconds(240));
        assertThat(AgentSaga.queueCheckAfter(Duration.ofSeconds(60), 40)).isEqualTo(Duration.ofMinutes(5));
        assertThat(AgentSaga.queueCheckAfter(Duration.ofMinutes(10), 3)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_step_that_ran_quickly_after_waiting_long_in_the_queue_is_not_timed_out() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1))
                .andThenTimeElapses(Duration.ofSeconds(300))
                .andThenAggregate(NODE.value()).published(claimed(1, T0.plusSeconds(300)))
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(T0.plusSeconds(360), AgentSaga.WATCH);
    }

    @Test
    void a_step_claimed_while_its_queue_checks_are_backed_off_still_fails_a_step_timeout_after_its_claim() throws Exception {
        // the worker holds the attempt: checks at 60 s, then 180 s; the claim at 100 s brings the watch forward
        fixture.setCallbackBehavior((command, metaData) -> command instanceof PerformAnalysis ? Boolean.TRUE : null);
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1))
                .andThenTimeElapses(Duration.ofSeconds(100))
                .andThenAggregate(NODE.value()).published(claimed(1, T0.plusSeconds(100)))
                .whenTimeElapses(Duration.ofSeconds(60))
                .expectDispatchedCommands(timedOut(1, T0.plusSeconds(160)));
    }

    @Test
    void a_step_that_hangs_after_waiting_in_the_queue_fails_a_step_timeout_after_it_began() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1))
                .andThenTimeElapses(Duration.ofSeconds(100))
                .andThenAggregate(NODE.value()).published(claimed(1, T0.plusSeconds(100)))
                .whenTimeElapses(Duration.ofSeconds(61))
                .expectDispatchedCommands(timedOut(1, T0.plusSeconds(161)));
    }

    @Test
    void a_claim_of_an_earlier_attempt_does_not_move_the_current_ones_deadline() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1), failed(1, true), started(2))
                .andThenAggregate(NODE.value()).published(claimed(1, T0))
                .whenTimeElapses(Duration.ofSeconds(60))
                // the retry's backoff fires (the fixture does not apply its command), then the watches of attempts 1
                // and 2: the first has nothing to do, the second still finds its attempt unclaimed and sends it again
                .expectDispatchedCommands(new StartNextAttempt(NODE, 2, T0.plusSeconds(60)),
                        new PerformAnalysis(NODE, CASE, 2, RETRIEVAL))
                .expectScheduledDeadlineWithName(T0.plusSeconds(120), AgentSaga.WATCH);
    }

    private static AnalysisConcluded concluded() {
        return new AnalysisConcluded(NODE, CASE, 1, NodeType.SOLUTION, NodeStatus.COMPLETED, Map.of("answer", "check MTU"),
                Map.of(), "OSPF", "Huawei", T0);
    }

    private static AnalysisOutcomeRecorded recorded(AnalysisOutcome outcome) {
        return new AnalysisOutcomeRecorded(CASE, NODE, outcome, "OSPF", "Huawei", "check MTU", List.of(), T0);
    }

    @Test
    void the_saga_ends_once_the_case_has_recorded_the_outcome() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1), claimed(1, T0), concluded())
                .whenAggregate(CASE.value()).publishes(recorded(AnalysisOutcome.SOLUTION))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlineWithName(T0, T0.plusSeconds(3600), AgentSaga.TIMEOUT)
                .expectNoScheduledDeadlineWithName(T0, T0.plusSeconds(3600), AgentSaga.RETRY)
                .expectActiveSagas(0);
    }

    @Test
    void a_retry_still_waiting_when_the_case_records_the_outcome_is_cancelled_with_the_saga() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1), failed(1, true))
                .whenAggregate(CASE.value()).publishes(recorded(AnalysisOutcome.FAILED))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlineWithName(T0, T0.plusSeconds(3600), AgentSaga.RETRY)
                .expectActiveSagas(0);
    }

    @Test
    void a_failed_attempt_is_retried_after_a_backoff() {
        fixture.givenAggregate(NODE.value()).published(started(1))
                .whenAggregate(NODE.value()).publishes(failed(1, true))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), AgentSaga.RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void the_backoff_deadline_starts_the_next_attempt() {
        fixture.givenCurrentTime(T0).andThenAggregate(NODE.value()).published(started(1), failed(1, true))
                .whenTimeElapses(Duration.ofSeconds(3))
                .expectDispatchedCommands(new StartNextAttempt(NODE, 2, T0.plusSeconds(3)));
    }

    @Test
    void an_attempt_that_passes_its_deadline_is_recorded_as_timed_out() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1), claimed(1, T0))
                .whenTimeElapses(Duration.ofSeconds(61))
                .expectDispatchedCommands(timedOut(1, T0.plusSeconds(61)));
    }

    @Test
    void a_timeout_the_node_refuses_because_the_attempt_already_ended_is_done_with() {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new com.ipexpert.api.errors.DomainException(com.ipexpert.api.errors.ErrorKind.CONFLICT, "attempt 1 has ended");
        });
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1), claimed(1, T0))
                .whenTimeElapses(Duration.ofSeconds(61))
                .expectActiveSagas(1);
    }

    @Test
    void a_timeout_whose_command_nobody_handled_fails_so_its_deadline_runs_again() {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new IllegalStateException("the instance that would handle it went away");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.givenCurrentTime(T0)
                        .andThenAggregate(NODE.value()).published(started(1), claimed(1, T0))
                        .whenTimeElapses(Duration.ofSeconds(61)))
                .hasStackTraceContaining("the instance that would handle it went away");
    }

    @Test
    void an_attempt_start_handled_twice_counts_once() {
        fixture.givenAggregate(NODE.value()).published(started(1), failed(1, true), started(2), started(2))
                .whenAggregate(NODE.value()).publishes(failed(2, true))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(4), AgentSaga.RETRY);
    }

    @Test
    void the_last_failed_attempt_fails_the_node() {
        fixture.givenCurrentTime(T0).andThenAggregate(NODE.value()).published(started(1), failed(1, true), started(2), failed(2, true), started(3))
                .whenAggregate(NODE.value()).publishes(failed(3, true))
                .expectDispatchedCommands(new FailAnalysis(CASE, NODE, 3, "The analysis failed after 3 attempt(s): boom", T0));
    }

    @Test
    void a_failure_that_cannot_be_retried_fails_the_node_at_once() {
        fixture.givenCurrentTime(T0).andThenAggregate(NODE.value()).published(started(1))
                .whenAggregate(NODE.value()).publishes(failed(1, false))
                .expectDispatchedCommands(new FailAnalysis(CASE, NODE, 1, "The analysis failed after 1 attempt(s): boom", T0));
    }

    @Test
    void a_failed_node_ends_the_saga_once_the_case_has_recorded_the_failure() {
        fixture.givenAggregate(NODE.value()).published(started(1), failed(1, false),
                        new AnalysisFailed(NODE, CASE, 1, "gave up", T0))
                .whenAggregate(CASE.value()).publishes(recorded(AnalysisOutcome.FAILED))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void a_retried_node_waits_as_long_as_a_first_run_before_its_second_attempt() {
        // The node failed its first run after 3 attempts; the engineer's retry starts attempt 4, a new run.
        fixture.givenAggregate(NODE.value()).published(started(4))
                .whenAggregate(NODE.value()).publishes(failed(4, true))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), AgentSaga.RETRY);
    }

    @Test
    void a_retried_run_fails_after_its_own_attempts_not_the_nodes() {
        fixture.givenAggregate(NODE.value()).published(started(4), failed(4, true), started(5))
                .whenAggregate(NODE.value()).publishes(failed(5, true))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(4), AgentSaga.RETRY);
    }

    @Test
    void the_watch_of_an_attempt_that_failed_does_nothing() throws Exception {
        // the watch is left to fire (cancelling a deadline while it fires would fail the saga's batch)
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1), claimed(1, T0.plusSeconds(10)), failed(1, false))
                .whenTimeElapses(Duration.ofSeconds(75))
                .expectDeadlinesMet(1)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlineWithName(T0, T0.plusSeconds(3600), AgentSaga.WATCH);
    }

    @Test
    void the_saga_ended_before_the_watch_fired_and_nothing_is_sent() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(NODE.value()).published(started(1), claimed(1, T0), concluded())
                .andThenAggregate(CASE.value()).published(recorded(AnalysisOutcome.SOLUTION))
                .whenTimeElapses(Duration.ofSeconds(65))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    /** A saga as the version before the watch stored it: attempt 1 started at T0, queue check scheduled, not claimed. */
    private static final String STORED_BEFORE_THE_WATCH = """
            {"nodeId":"n-analysis","caseId":"case-1","attemptsThisRun":1,"firstAttempt":1,"timeoutId":null,
             "retryId":null,"currentAttempt":1,"retrieval":{"weight":0.5,"filterTags":["ospf"]},"claimedAttempt":null,
             "heldChecks":0}""";

    private static AgentSaga stored(String json) throws Exception {
        return com.ipexpert.edge.messaging.AxonMessaging.axonObjectMapper().readValue(json, AgentSaga.class);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void a_queue_check_an_earlier_version_scheduled_watches_an_attempt_claimed_after_the_upgrade() throws Exception {
        AgentSaga saga = stored(STORED_BEFORE_THE_WATCH);
        CommandGateway commands = mock(CommandGateway.class);
        DeadlineManager deadlines = mock(DeadlineManager.class);
        // the saga does not know when its queue check fires, so the claim schedules a watch of its own
        saga.on(claimed(1, T0.plusSeconds(20)), deadlines, SETTINGS, at(T0.plusSeconds(21)));
        verify(deadlines).schedule(Duration.ofSeconds(59), AgentSaga.WATCH, 1);

        // the queue check comes first and brings nothing new: it watches the claimed step too
        saga.onStillQueued(1, commands, deadlines, SETTINGS, at(T0.plusSeconds(60)));
        verify(deadlines).schedule(Duration.ofSeconds(20), AgentSaga.WATCH, 1);
        verifyNoInteractions(commands);

        saga.onWatch(1, commands, deadlines, SETTINGS, at(T0.plusSeconds(80)));
        verify(commands).sendAndWait(timedOut(1, T0.plusSeconds(80)));
    }

    @Test
    void a_step_deadline_an_earlier_version_scheduled_still_times_the_step_out() throws Exception {
        AgentSaga saga = stored(STORED_BEFORE_THE_WATCH.replace("\"timeoutId\":null", "\"timeoutId\":\"t-1\"")
                .replace("\"claimedAttempt\":null", "\"claimedAttempt\":1"));
        CommandGateway commands = mock(CommandGateway.class);
        DeadlineManager deadlines = mock(DeadlineManager.class);

        // its queue check finds the attempt claimed at a time it does not know, and leaves it to the step deadline
        saga.onStillQueued(1, commands, deadlines, SETTINGS, at(T0.plusSeconds(60)));
        verifyNoInteractions(commands, deadlines);

        saga.onTimeout(1, commands, SETTINGS, at(T0.plusSeconds(70)));
        verify(commands).sendAndWait(timedOut(1, T0.plusSeconds(70)));
    }
}
