package com.ipexpert.command.agent;

import com.ipexpert.analyst.Evidence;
import com.ipexpert.api.cases.RetrievalSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the knowledge passages an analysis step may cite, honouring the step's weight and tag filters. */
public interface KnowledgeRetrieval {

    List<Evidence> retrieve(String query, String vendor, RetrievalSettings settings, int limit);

    /**
     * Where a retrieved passage is cited from ({@code {page, section, start, end}}), looked up at the moment the
     * citation is made: empty when the passage was deleted or hidden since it was retrieved, so a step that was
     * already running never cites it. Without a knowledge base to ask, the evidence's own location stands.
     */
    default Optional<Map<String, Object>> citation(Evidence evidence) {
        return Optional.of(Map.of("section", evidence.location() == null ? "" : evidence.location()));
    }

    /** No knowledge base is configured in this process: steps reason without evidence. */
    KnowledgeRetrieval NONE = (query, vendor, settings, limit) -> List.of();
}
