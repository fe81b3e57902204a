package com.ipexpert.command.agent;

import com.ipexpert.analyst.Evidence;
import com.ipexpert.api.cases.RetrievalSettings;

import java.util.List;

/** Finds the knowledge passages an analysis step may cite, honouring the step's weight and tag filters. */
public interface KnowledgeRetrieval {

    List<Evidence> retrieve(String query, String vendor, RetrievalSettings settings, int limit);

    /** No knowledge base is configured in this process: steps reason without evidence. */
    KnowledgeRetrieval NONE = (query, vendor, settings, limit) -> List.of();
}
