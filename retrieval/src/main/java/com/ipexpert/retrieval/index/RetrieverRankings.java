package com.ipexpert.retrieval.index;

import java.util.List;

/**
 * What each retriever found for one query before fusion, by chunk id: BM25 over both keyword analyses, the
 * nearest neighbours in each vector field, and the shares the vector fields get for this query. For
 * evaluating the retrievers one by one and the fusions.
 */
public record RetrieverRankings(List<Ranked<String>> keyword, List<Ranked<String>> english,
                                List<Ranked<String>> chinese, FieldWeights fields) {}
