package com.ipexpert.api.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Read-model shapes of cases, exactly as the REST contract shows them. */
public final class CaseViews {
    private CaseViews() {
    }

    public record CaseSummary(String caseId, String title, CaseStatus status, Instant createdAt, Instant updatedAt) {
    }

    public record CaseSummaryList(List<CaseSummary> cases) {
    }

    public record NodeView(String id, NodeType type, String title, NodeStatus status, Map<String, Object> content,
                           Map<String, Object> metadata) {
    }

    public record EdgeView(String source, String target) {
    }

    public record CaseGraph(String caseId, String title, CaseStatus status, String category, String vendor,
                            Instant createdAt, Instant updatedAt, List<NodeView> nodes, List<EdgeView> edges) {
    }

    /** The earlier cases most like one case, approved solutions first (see {@link CaseQueries.FindSimilarCases}). */
    public record SimilarCases(String caseId, List<SimilarCase> items) {
    }

    /**
     * An earlier case like the one asked about: whether it was solved and its solution approved by a reviewer, how
     * alike the two are (0..1) and why ({@code alike}: the same category, vendor, shared terms), and its solution.
     */
    public record SimilarCase(String caseId, String title, String category, String vendor, CaseStatus status, boolean solved,
                              boolean approved, double score, List<String> alike, Instant createdAt, Instant solvedAt,
                              SimilarSolution solution) {
    }

    /**
     * The last solution the case's analysis proposed ({@code nodeId}, its answer and commands) and, where a reviewer
     * approved a correction of it, the engineer's {@code correctedSolution}.
     */
    public record SimilarSolution(String nodeId, String answer, List<String> commands, CorrectedSolution correctedSolution) {
    }

    /** One change pushed to a case's live stream: a node, an edge or the case itself changed. */
    public record CaseChange(String kind, String caseId, NodeView node, EdgeView edge, CaseSummary caseSummary) {
        public static CaseChange node(String caseId, NodeView node) {
            return new CaseChange("node", caseId, node, null, null);
        }

        public static CaseChange edge(String caseId, EdgeView edge) {
            return new CaseChange("edge", caseId, null, edge, null);
        }

        public static CaseChange caseStatus(CaseSummary summary) {
            return new CaseChange("case", summary.caseId(), null, null, summary);
        }
    }
}
