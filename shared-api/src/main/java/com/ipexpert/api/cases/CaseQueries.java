package com.ipexpert.api.cases;

import com.ipexpert.api.identity.Requester;

/** What the case read models answer. A requester who may not see a case gets no answer, exactly as if it did not exist. */
public final class CaseQueries {
    private CaseQueries() {
    }

    /** The requester's cases, most recently updated first; null filters match everything. */
    public record ListCases(Requester requester, CaseStatus status, String vendor, String category) {
    }

    /** Answers {@link CaseViews.CaseGraph}, or nothing; as a subscription query it streams {@link CaseViews.CaseChange}. */
    public record FindCaseGraph(CaseId caseId, Requester requester) {
    }

    public record FindNode(CaseId caseId, NodeId nodeId, Requester requester) {
    }
}
