package com.ipexpert.api.agent;

import com.ipexpert.api.cases.CaseId;

/** What the agent itself answers, beside the read models: what its running steps are writing now. */
public final class AgentQueries {
    private AgentQueries() {
    }

    /**
     * The drafts of a case's analysis steps that are being written now, as {@link AgentViews.AnalysisDrafts}; as a
     * subscription query it streams every further {@link AgentViews.AnalysisDraft}. Answered by the agent's workers,
     * which never store a draft: who may see the case is checked before this is asked.
     */
    public record FollowAnalysisDrafts(CaseId caseId) {
    }
}
