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

    /**
     * Earlier cases like {@code caseId} that reached a solution, and only those {@code requester} may read, approved
     * solutions first; answers {@link CaseViews.SimilarCases}, or nothing when the case is not the requester's to see.
     * With {@code text} (and the category and vendor the agent reads in it) the cases are compared with that text
     * instead of the case's own, and the case need not be known to the read model yet: what an analysis step asks.
     * With {@code resolvedOnly} only cases that were solved or whose solution was approved are looked at (a step shows
     * no others), so their number, not that of every case, bounds the work.
     */
    public record FindSimilarCases(CaseId caseId, Requester requester, String text, String category, String vendor, int limit,
                                   boolean resolvedOnly) {
        public static FindSimilarCases of(CaseId caseId, Requester requester, int limit) {
            return new FindSimilarCases(caseId, requester, null, null, null, limit, false);
        }

        /** What an analysis step asks: solved or approved cases like {@code text}. */
        public static FindSimilarCases resolvedLike(CaseId caseId, Requester requester, String text, String category,
                                                    String vendor, int limit) {
            return new FindSimilarCases(caseId, requester, text, category, vendor, limit, true);
        }
    }
}
