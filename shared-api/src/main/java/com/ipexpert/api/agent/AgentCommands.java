package com.ipexpert.api.agent;

import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.RetrievalSettings;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Work for the agent's analysis worker. It answers at once and reports back with node commands when done. */
public final class AgentCommands {
    private AgentCommands() {
    }

    public record PerformAnalysis(@TargetAggregateIdentifier NodeId nodeId, CaseId caseId, int attempt,
                                  RetrievalSettings retrieval) {
    }
}
