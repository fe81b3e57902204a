package com.ipexpert.analyst;

/**
 * One analysis step of the agent: given the whole conversation of a case so far and the knowledge retrieved
 * for it, decide whether to ask for more information or to propose a solution.
 * Implementations are deterministic given their inputs (the offline analyst) or call a language model.
 */
public interface Analyst {

    /** A short name recorded with every step ("offline", or the model's name). */
    String name();

    /** Version of the rules or prompt this analyst applies, recorded with every step. */
    String version();

    AnalysisDecision analyse(CaseConversation conversation, java.util.List<Evidence> evidence);

    /**
     * The same step, writing the text of its decision to {@code drafts} while it is produced. An analyst that
     * decides at once (the offline one) writes nothing: its decision is the whole text.
     */
    default AnalysisDecision analyse(CaseConversation conversation, java.util.List<Evidence> evidence, DraftSink drafts) {
        return analyse(conversation, evidence);
    }
}
