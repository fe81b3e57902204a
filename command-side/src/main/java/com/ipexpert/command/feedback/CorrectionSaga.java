package com.ipexpert.command.feedback;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.ipexpert.api.cases.CaseEvents.FeedbackGiven;
import com.ipexpert.api.cases.CaseEvents.FeedbackReviewed;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CorrectedSolution;
import com.ipexpert.api.cases.ReviewDecision;
import com.ipexpert.api.knowledge.CorrectionCommands.PublishCorrection;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.edge.errors.JsonBounds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The learning loop: feedback that carries a corrected solution waits for its review; once an administrator
 * approves it, the correction is published as a knowledge document, ingested like any upload.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY) // stored as JSON without getters
@ProcessingGroup(CorrectionSaga.PROCESSING_GROUP)
public class CorrectionSaga {
    public static final String PROCESSING_GROUP = "correction-saga";
    static final String FEEDBACK = "feedbackId";

    private CaseId caseId;
    private String correctedSolution;
    private String comment;

    @StartSaga
    @SagaEventHandler(associationProperty = FEEDBACK)
    void on(FeedbackGiven e) {
        if (e.correctedSolution() == null || e.correctedSolution().isBlank()) {
            SagaLifecycle.end(); // nothing to learn from
            return;
        }
        caseId = e.caseId();
        correctedSolution = textOf(e.correctedSolution());
        comment = e.comment();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = FEEDBACK)
    void on(FeedbackReviewed e, CommandGateway commands) {
        if (e.decision() != ReviewDecision.APPROVE) return;
        commands.send(new PublishCorrection(documentFor(e.feedbackId()), caseId, e.feedbackId(), e.reviewedBy(),
                correctedSolution, comment));
    }

    /** What the knowledge document says: the text as given, or the object as its JSON. */
    static String textOf(CorrectedSolution solution) {
        return solution.value() instanceof String text ? text : JsonBounds.text(solution.value());
    }

    /** One document per feedback, whatever happens to redeliveries: its id follows from the feedback's. */
    static DocumentId documentFor(String feedbackId) {
        return DocumentId.of(UUID.nameUUIDFromBytes(("feedback:" + feedbackId).getBytes(StandardCharsets.UTF_8)).toString());
    }
}
