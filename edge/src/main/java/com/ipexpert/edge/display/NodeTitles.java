package com.ipexpert.edge.display;

import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;

/** The user-facing titles of graph nodes, exactly as the REST contract spells them; the only place they live. */
public final class NodeTitles {
    private NodeTitles() {
    }

    public static String of(NodeType type, NodeStatus status) {
        if (status == NodeStatus.FAILED) return "分析失败";
        return switch (type) {
            case USER_QUERY -> "用户问题";
            case AI_ANALYSIS -> "AI分析中...";
            case AI_CLARIFICATION -> "需要更多信息";
            case USER_RESPONSE -> "用户补充信息";
            case SOLUTION -> "解决方案";
        };
    }
}
