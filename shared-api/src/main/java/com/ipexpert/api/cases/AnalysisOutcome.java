package com.ipexpert.api.cases;

/** How an analysis step ended, as the case records it. */
public enum AnalysisOutcome {
    /** The agent needs more information: the node now awaits the user. */
    CLARIFICATION,
    /** The agent proposed a solution. */
    SOLUTION,
    /** Every attempt failed; the node can be retried. */
    FAILED
}
