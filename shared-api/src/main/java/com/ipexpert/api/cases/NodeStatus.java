package com.ipexpert.api.cases;

/** Where a node stands. Names are part of the REST contract; FAILED is our extension. */
public enum NodeStatus {
    PROCESSING, AWAITING_USER_INPUT, COMPLETED, FAILED
}
