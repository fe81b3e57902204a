package com.ipexpert.analyst;

import java.util.List;
import java.util.Map;

/** What one analysis step decided. Category and vendor are the analyst's current view of the case. */
public sealed interface AnalysisDecision {

    String category();

    String vendor();

    /** What the step records about itself for auditors: analyst, version, evidence used, and anything analyst-specific. */
    Map<String, Object> trace();

    /** More information is needed: what the analyst makes of the case so far, and the focused questions to ask. */
    record NeedMoreInformation(String category, String vendor, String analysis, List<String> suggestedQuestions,
                               Map<String, Object> trace) implements AnalysisDecision {
    }

    /** A solution: the answer, the cited passages, and the CLI commands to run in order, in the vendor's syntax. */
    record ProposedSolution(String category, String vendor, String answer, List<Source> sources,
                            List<String> commands, Map<String, Object> trace) implements AnalysisDecision {
    }

    /** A cited passage. */
    record Source(String chunkId, String docId, String fileName, String location, double score) {
    }
}
