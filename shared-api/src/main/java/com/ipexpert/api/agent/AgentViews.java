package com.ipexpert.api.agent;

import java.util.List;

/** What the agent shows of a step while it runs. */
public final class AgentViews {
    private AgentViews() {
    }

    /**
     * A piece of the text an analysis step is writing, before the node concludes with the whole of it: {@code text}
     * starts at character {@code offset} of the draft of {@code field} ({@code answer} for a solution,
     * {@code analysis} for a clarification) of attempt {@code attempt}. A client keeps
     * {@code draft = draft.substring(0, offset) + text}; an offset of 0 starts the draft over.
     */
    public record AnalysisDraft(String caseId, String nodeId, int attempt, String field, int offset, String text) {
    }

    /** The drafts being written now, each whole (offset 0). */
    public record AnalysisDrafts(List<AnalysisDraft> drafts) {
        public AnalysisDrafts {
            drafts = drafts == null ? List.of() : List.copyOf(drafts);
        }
    }
}
