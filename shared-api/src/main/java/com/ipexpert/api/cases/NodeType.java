package com.ipexpert.api.cases;

/** What a node of the case graph is. Names are part of the REST contract. */
public enum NodeType {
    USER_QUERY, AI_ANALYSIS, AI_CLARIFICATION, USER_RESPONSE, SOLUTION
}
