package com.ipexpert.command.knowledge;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.ipexpert.api.knowledge.DocumentCommands.FailIngestion;
import com.ipexpert.api.knowledge.DocumentCommands.IndexDocument;
import com.ipexpert.api.knowledge.DocumentCommands.ParseDocument;
import com.ipexpert.api.knowledge.DocumentCommands.RecordStepFailure;
import com.ipexpert.api.knowledge.DocumentCommands.StartIngestionStep;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentDeleted;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentFailed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentIndexed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentParsed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentReparseRequested;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentUploaded;
import com.ipexpert.api.knowledge.DocumentEvents.IngestionStepFailed;
import com.ipexpert.api.knowledge.DocumentEvents.IngestionStepStarted;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.api.knowledge.IngestionStep;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Clock;

/**
 * Drives the ingestion of one document: parse (and chunk), then embed and index, each step run by its worker
 * with a deadline, retried with backoff, and the document FAILED with the last reason after the last attempt.
 * Lives in the database with its deadlines, so a restart in the middle resumes where it was.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY) // stored as JSON without getters
@ProcessingGroup(IngestionSaga.PROCESSING_GROUP)
public class IngestionSaga {
    public static final String PROCESSING_GROUP = "ingestion-saga";
    static final String DOCUMENT = "docId";
    static final String TIMEOUT = "ingestion-step-timeout";
    static final String RETRY = "ingestion-step-retry";

    private DocumentId docId;
    private String fileName;
    private IngestionStep step;
    /** Attempts of the current step in this run; the attempt numbers themselves count every step of the document. */
    private int attemptsOfStep;
    private String timeoutId;
    /** The scheduled retry, cancelled by its id (never by a scan of every scheduled deadline); null when none. */
    private String retryId;

    @StartSaga
    @SagaEventHandler(associationProperty = DOCUMENT)
    void on(DocumentUploaded e, CommandGateway commands, Clock clock) {
        docId = e.docId();
        fileName = e.fileName();
        begin(commands, IngestionStep.PARSE, 1, clock);
    }

    /** An administrator asked for a re-parse: a new run starts, with fresh counts of attempts. */
    @StartSaga
    @SagaEventHandler(associationProperty = DOCUMENT)
    void on(DocumentReparseRequested e, CommandGateway commands, Clock clock) {
        docId = e.docId();
        fileName = e.fileName();
        begin(commands, IngestionStep.PARSE, e.lastAttempt() + 1, clock);
    }

    @SagaEventHandler(associationProperty = DOCUMENT)
    void on(IngestionStepStarted e, CommandGateway commands, DeadlineManager deadlines, IngestionSettings settings) {
        if (e.step() != step) {
            step = e.step();
            attemptsOfStep = 0;
        }
        attemptsOfStep++;
        cancelTimeout(deadlines);
        timeoutId = deadlines.schedule(settings.stepTimeout(), TIMEOUT, e.attempt());
        send(commands, e.step() == IngestionStep.PARSE
                ? new ParseDocument(e.docId(), e.attempt(), fileName)
                : new IndexDocument(e.docId(), e.attempt()));
    }

    @SagaEventHandler(associationProperty = DOCUMENT)
    void on(DocumentParsed e, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        cancelTimeout(deadlines);
        begin(commands, IngestionStep.INDEX, e.attempt() + 1, clock);
    }

    @SagaEventHandler(associationProperty = DOCUMENT)
    void on(IngestionStepFailed e, CommandGateway commands, DeadlineManager deadlines, IngestionSettings settings,
            Clock clock) {
        cancelTimeout(deadlines);
        if (!e.retryable() || attemptsOfStep >= settings.maxAttempts()) {
            send(commands, new FailIngestion(docId, attemptsOfStep, e.reason(), clock.instant()));
        } else {
            retryId = deadlines.schedule(settings.backoffBefore(attemptsOfStep + 1), RETRY, e.attempt() + 1);
        }
    }

    @DeadlineHandler(deadlineName = TIMEOUT)
    void onTimeout(Integer attempt, CommandGateway commands, IngestionSettings settings, Clock clock) {
        timeoutId = null;
        send(commands, new RecordStepFailure(docId, attempt, "the " + describe(step) + " step did not finish within "
                + settings.stepTimeout().toSeconds() + " s", true, true, clock.instant()));
    }

    @DeadlineHandler(deadlineName = RETRY)
    void onRetry(Integer attempt, CommandGateway commands, Clock clock) {
        retryId = null;
        send(commands, new StartIngestionStep(docId, step, attempt, clock.instant()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = DOCUMENT)
    void on(DocumentIndexed e, DeadlineManager deadlines) {
        stop(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = DOCUMENT)
    void on(DocumentFailed e, DeadlineManager deadlines) {
        stop(deadlines);
    }

    /** A document deleted in the middle of its ingestion: nothing more is sent; a running step's report is refused. */
    @EndSaga
    @SagaEventHandler(associationProperty = DOCUMENT)
    void on(DocumentDeleted e, DeadlineManager deadlines) {
        stop(deadlines);
    }

    private void begin(CommandGateway commands, IngestionStep next, int attempt, Clock clock) {
        step = next;
        attemptsOfStep = 0;
        send(commands, new StartIngestionStep(docId, next, attempt, clock.instant()));
    }

    private void stop(DeadlineManager deadlines) {
        cancelTimeout(deadlines);
        if (retryId != null) {
            deadlines.cancelSchedule(RETRY, retryId);
            retryId = null;
        }
    }

    private void cancelTimeout(DeadlineManager deadlines) {
        if (timeoutId != null) {
            deadlines.cancelSchedule(TIMEOUT, timeoutId);
            timeoutId = null;
        }
    }

    /** A refusal (the document was deleted, the attempt is stale) ends nothing: the deadline or the next event decides. */
    private static void send(CommandGateway commands, Object command) {
        commands.send(command);
    }

    private static String describe(IngestionStep step) {
        return step == IngestionStep.INDEX ? "embedding and indexing" : "parsing";
    }
}
