package com.ipexpert.api.knowledge;

import com.ipexpert.api.cases.CaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Turning an engineer's approved correction into knowledge. */
public final class CorrectionCommands {
    private CorrectionCommands() {
    }

    /**
     * Publish the corrected solution of feedback {@code feedbackId} on case {@code caseId} as knowledge document
     * {@code docId}, uploaded on behalf of the administrator who approved it.
     */
    public record PublishCorrection(@TargetAggregateIdentifier DocumentId docId, CaseId caseId, String feedbackId,
                                    String approvedBy, String correctedSolution, String comment) {
    }
}
