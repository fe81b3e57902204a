package com.ipexpert.query.audit;

import com.ipexpert.api.cases.CaseEvents.AnalysisOutcomeRecorded;
import com.ipexpert.api.cases.CaseEvents.CaseClosed;
import com.ipexpert.api.cases.CaseEvents.CaseReopened;
import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseEvents.CaseSolved;
import com.ipexpert.api.cases.CaseEvents.ClarificationAnswered;
import com.ipexpert.api.cases.CaseStatus;
import com.ipexpert.api.cases.CaseViews.CaseGraph;
import com.ipexpert.api.cases.CaseViews.EdgeView;
import com.ipexpert.api.cases.CaseViews.NodeView;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptFailed;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import com.ipexpert.api.cases.NodeEvents.AnalysisFailed;
import com.ipexpert.api.cases.NodeEvents.AnalysisRestarted;
import com.ipexpert.api.cases.NodeEvents.NodeCreated;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.query.cases.NodeMetadata;
import com.ipexpert.edge.display.NodeTitles;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A case graph folded in memory from the case's events, one at a time, with the same rules as the case-graph
 * projection: replaying the events up to a moment gives the graph as {@code GET /cases/{id}} showed it then.
 */
final class CaseGraphAtMoment {
    private String caseId;
    private String title;
    private CaseStatus status;
    private String category;
    private String vendor;
    private Instant createdAt;
    private Instant updatedAt;
    private final Map<String, MutableNode> nodes = new LinkedHashMap<>();
    private final Set<EdgeView> edges = new LinkedHashSet<>();

    private static final class MutableNode {
        final String id;
        NodeType type;
        NodeStatus status;
        Map<String, Object> content;
        Map<String, Object> metadata;

        MutableNode(String id, NodeType type, NodeStatus status, Map<String, Object> content) {
            this.id = id;
            this.type = type;
            this.status = status;
            this.content = content;
        }

        NodeView view() {
            return new NodeView(id, type, NodeTitles.of(type, status), status, content, metadata);
        }
    }

    /** Applies one event that was stored at {@code at}. */
    void apply(Object event, Instant at) {
        if (event instanceof CaseOpened e) {
            if (caseId != null) return;
            caseId = e.caseId().value();
            title = e.title();
            status = CaseStatus.OPEN;
            // the read model keeps times to the microsecond (timestamp with time zone)
            createdAt = (e.openedAt() != null ? e.openedAt() : at).truncatedTo(ChronoUnit.MICROS);
            updatedAt = createdAt;
            edges.add(new EdgeView(e.queryNode().value(), e.analysisNode().value()));
        } else if (event instanceof NodeCreated e) {
            if (nodes.containsKey(e.nodeId().value())) return;
            nodes.put(e.nodeId().value(), new MutableNode(e.nodeId().value(), e.type(), e.status(), e.content()));
            touch(at);
        } else if (event instanceof ClarificationAnswered e) {
            edges.add(new EdgeView(e.parentNode().value(), e.responseNode().value()));
            edges.add(new EdgeView(e.responseNode().value(), e.analysisNode().value()));
            node(e.parentNode().value()).filter(n -> n.status == NodeStatus.AWAITING_USER_INPUT)
                    .ifPresent(n -> n.status = NodeStatus.COMPLETED);
            touch(at);
        } else if (event instanceof AnalysisConcluded e) {
            node(e.nodeId().value()).ifPresent(n -> {
                n.type = e.type();
                n.status = e.status();
                n.content = e.content();
                n.metadata = e.metadata();
                touch(at);
            });
        } else if (event instanceof AnalysisAttemptFailed e) {
            node(e.nodeId().value()).ifPresent(n -> {
                n.metadata = NodeMetadata.afterFailedAttempt(e);
                touch(at);
            });
        } else if (event instanceof AnalysisFailed e) {
            node(e.nodeId().value()).ifPresent(n -> {
                Map<String, Object> content = new LinkedHashMap<>();
                content.put("error", e.reason());
                content.put("attempts", e.attempts());
                n.status = NodeStatus.FAILED;
                n.content = content;
                touch(at);
            });
        } else if (event instanceof AnalysisRestarted e) {
            node(e.nodeId().value()).ifPresent(n -> {
                n.status = NodeStatus.PROCESSING;
                n.content = null;
                touch(at);
            });
        } else if (event instanceof AnalysisOutcomeRecorded e) {
            if (e.category() != null) category = e.category();
            if (e.vendor() != null) vendor = e.vendor();
            touch(at);
        } else if (event instanceof CaseSolved) {
            if (status == CaseStatus.OPEN) {
                status = CaseStatus.SOLVED;
                touch(at);
            }
        } else if (event instanceof CaseReopened) {
            status = CaseStatus.OPEN;
            touch(at);
        } else if (event instanceof CaseClosed) {
            status = CaseStatus.CLOSED;
            touch(at);
        }
        // other events (attempts started, feedback, reviews) do not change the graph
    }

    Optional<CaseGraph> graph() {
        if (caseId == null) return Optional.empty();
        List<NodeView> views = new ArrayList<>();
        nodes.values().forEach(n -> views.add(n.view()));
        return Optional.of(new CaseGraph(caseId, title, status, category, vendor, createdAt, updatedAt, views,
                List.copyOf(edges)));
    }

    private Optional<MutableNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    private void touch(Instant at) {
        if (caseId != null) updatedAt = at.truncatedTo(ChronoUnit.MICROS);
    }
}
