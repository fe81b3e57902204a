package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentCommands.FailIngestion;
import com.ipexpert.api.knowledge.DocumentCommands.IndexDocument;
import com.ipexpert.api.knowledge.DocumentCommands.ParseDocument;
import com.ipexpert.api.knowledge.DocumentCommands.RecordStepFailure;
import com.ipexpert.api.knowledge.DocumentCommands.StartIngestionStep;
import com.ipexpert.api.knowledge.IngestionStep;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static com.ipexpert.command.knowledge.DocumentFixtures.*;

class IngestionSagaTest {
    private static final IngestionSettings SETTINGS = new IngestionSettings(Duration.ofMinutes(5), 3,
            Duration.ofSeconds(2), Duration.ofSeconds(30), 1);
    private SagaTestFixture<IngestionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(IngestionSaga.class);
        fixture.registerResource(SETTINGS);
        fixture.registerResource(Clock.fixed(T0, ZoneOffset.UTC));
        fixture.setCallbackBehavior((command, metaData) -> null);
    }

    @Test
    void an_upload_starts_parsing() {
        fixture.givenNoPriorActivity()
                .whenAggregate(DOC.value()).publishes(uploaded())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new StartIngestionStep(DOC, IngestionStep.PARSE, 1, T0));
    }

    @Test
    void a_started_parse_goes_to_the_worker_with_a_deadline() {
        fixture.givenAggregate(DOC.value()).published(uploaded())
                .whenAggregate(DOC.value()).publishes(started(IngestionStep.PARSE, 1))
                .expectDispatchedCommands(new ParseDocument(DOC, 1, FILE))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(5), IngestionSaga.TIMEOUT);
    }

    @Test
    void a_parsed_document_is_indexed_next() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1))
                .whenAggregate(DOC.value()).publishes(parsed(1))
                .expectDispatchedCommands(new StartIngestionStep(DOC, IngestionStep.INDEX, 2, T0))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_started_index_step_goes_to_the_worker_with_a_deadline() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1), parsed(1))
                .whenAggregate(DOC.value()).publishes(started(IngestionStep.INDEX, 2))
                .expectDispatchedCommands(new IndexDocument(DOC, 2))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(5), IngestionSaga.TIMEOUT);
    }

    @Test
    void an_indexed_document_ends_the_saga() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1), parsed(1),
                        started(IngestionStep.INDEX, 2))
                .whenAggregate(DOC.value()).publishes(indexed(2))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void a_failed_parse_is_retried_after_a_backoff() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1))
                .whenAggregate(DOC.value()).publishes(stepFailed(IngestionStep.PARSE, 1, true))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), IngestionSaga.RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void the_backoff_deadline_starts_the_next_attempt_of_the_same_step() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1), parsed(1),
                        started(IngestionStep.INDEX, 2), stepFailed(IngestionStep.INDEX, 2, true))
                .whenTimeElapses(Duration.ofSeconds(3))
                .expectDispatchedCommands(new StartIngestionStep(DOC, IngestionStep.INDEX, 3, T0));
    }

    @Test
    void a_second_failure_waits_twice_as_long() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1),
                        stepFailed(IngestionStep.PARSE, 1, true), started(IngestionStep.PARSE, 2))
                .whenAggregate(DOC.value()).publishes(stepFailed(IngestionStep.PARSE, 2, true))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(4), IngestionSaga.RETRY);
    }

    @Test
    void a_step_that_passes_its_deadline_is_recorded_as_timed_out() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1), parsed(1),
                        started(IngestionStep.INDEX, 2))
                .whenTimeElapses(Duration.ofMinutes(5).plusSeconds(1))
                .expectDeadlinesMet(2)
                .expectDispatchedCommands(new RecordStepFailure(DOC, 2,
                        "the embedding and indexing step did not finish within 300 s", true, true, T0));
    }

    @Test
    void the_last_failed_attempt_fails_the_document_with_its_reason() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1), parsed(1),
                        started(IngestionStep.INDEX, 2), stepFailed(IngestionStep.INDEX, 2, true),
                        started(IngestionStep.INDEX, 3), stepFailed(IngestionStep.INDEX, 3, true),
                        started(IngestionStep.INDEX, 4))
                .whenAggregate(DOC.value()).publishes(stepFailed(IngestionStep.INDEX, 4, true))
                .expectDispatchedCommands(new FailIngestion(DOC, 3, "boom", T0));
    }

    @Test
    void attempts_are_counted_per_step() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1),
                        stepFailed(IngestionStep.PARSE, 1, true), started(IngestionStep.PARSE, 2),
                        stepFailed(IngestionStep.PARSE, 2, true), started(IngestionStep.PARSE, 3), parsed(3),
                        started(IngestionStep.INDEX, 4))
                .whenAggregate(DOC.value()).publishes(stepFailed(IngestionStep.INDEX, 4, true))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), IngestionSaga.RETRY);
    }

    @Test
    void an_unreadable_file_fails_the_document_at_once() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1))
                .whenAggregate(DOC.value()).publishes(new com.ipexpert.api.knowledge.DocumentEvents.IngestionStepFailed(DOC,
                        IngestionStep.PARSE, 1, "the file ospf-guide.pdf is encrypted; remove the password and upload it again",
                        false, false, T0))
                .expectDispatchedCommands(new FailIngestion(DOC, 1,
                        "the file ospf-guide.pdf is encrypted; remove the password and upload it again", T0));
    }

    @Test
    void a_failed_document_ends_the_saga() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1),
                        stepFailed(IngestionStep.PARSE, 1, false))
                .whenAggregate(DOC.value()).publishes(failed(IngestionStep.PARSE, 1))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void a_reparse_starts_a_new_run_after_the_last_attempt() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1), parsed(1),
                        started(IngestionStep.INDEX, 2), indexed(2))
                .whenAggregate(DOC.value()).publishes(reparseRequested(2))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new StartIngestionStep(DOC, IngestionStep.PARSE, 3, T0));
    }

    @Test
    void a_reparsed_document_is_parsed_under_its_name() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1), parsed(1),
                        started(IngestionStep.INDEX, 2), indexed(2), reparseRequested(2))
                .whenAggregate(DOC.value()).publishes(started(IngestionStep.PARSE, 3))
                .expectDispatchedCommands(new ParseDocument(DOC, 3, FILE));
    }

    @Test
    void a_document_deleted_mid_ingestion_ends_the_saga_and_its_deadlines() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1))
                .whenAggregate(DOC.value()).publishes(deleted())
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void a_document_deleted_while_waiting_for_a_retry_is_not_retried() {
        fixture.givenAggregate(DOC.value()).published(uploaded(), started(IngestionStep.PARSE, 1),
                        stepFailed(IngestionStep.PARSE, 1, true))
                .whenAggregate(DOC.value()).publishes(deleted())
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }
}
