package com.ipexpert.retrieval.index;

/** How the keyword ranking and the vector rankings are joined into one. */
public enum FusionMethod {
    /** Scores min-max normalised per ranking, then {@code weight * semantic + (1 - weight) * keyword}. */
    WEIGHTED_SCORE,
    /** {@code weight / (k + semantic rank) + (1 - weight) / (k + keyword rank)}: ranks only, scores ignored. */
    RECIPROCAL_RANK
}
