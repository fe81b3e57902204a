package com.ipexpert.edge.ratelimits;

/**
 * How many analysis steps a user's cases may ask the language model for per UTC day. The agent asks before a step
 * calls the model; over budget the offline analyst answers that step, and the step's record says so.
 */
public interface ModelCallBudget {

    /** Uses one model call of {@code userId}'s daily budget; false when it is spent. */
    boolean tryUse(String userId);

    /** A budget that never runs out. */
    ModelCallBudget UNLIMITED = userId -> true;
}
