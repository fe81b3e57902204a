package com.ipexpert.query.similar;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.cases.CorrectedSolution;
import com.ipexpert.api.cases.CaseQueries.FindSimilarCases;
import com.ipexpert.api.cases.CaseStatus;
import com.ipexpert.api.cases.CaseViews.SimilarCase;
import com.ipexpert.api.cases.CaseViews.SimilarCases;
import com.ipexpert.api.cases.CaseViews.SimilarSolution;
import com.ipexpert.api.identity.Requester;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Answers {@link FindSimilarCases}: earlier cases that reached a solution, that the requester may read (their own;
 * every case for an administrator or auditor), scored against the case and ordered approved solutions first, then
 * solved cases, then by how alike they are.
 *
 * <p>A case is alike by its category ({@value #SAME_CATEGORY}), its vendor ({@value #SAME_VENDOR}) and the terms its
 * engineer wrote ({@value #SHARED_TERMS} × the cosine of the two term sets); below {@value #AT_LEAST} it is not
 * shown. So the same category and vendor suffice, and without the same category most of the terms must be shared.
 */
@Component
class SimilarCasesQueryHandlers {
    static final double SAME_CATEGORY = 0.35;
    static final double SAME_VENDOR = 0.15;
    static final double SHARED_TERMS = 0.5;
    static final double AT_LEAST = 0.4;
    static final int MAX_LIMIT = 20;
    /** The most recent candidates scored per request: bounds the work whatever the number of cases. */
    static final int CANDIDATES = 2000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SimilarCasesQueryHandlers(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Row(String caseId, String owner, String title, String terms, String category, String vendor, String status,
                       boolean solved, boolean approved, String solutionNode, String solutionAnswer, String solutionCommands,
                       String correctedSolution, Instant createdAt, Instant solvedAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("case_id"), rs.getString("owner"), rs.getString("title"), rs.getString("terms"),
                rs.getString("category"), rs.getString("vendor"), rs.getString("status"), rs.getBoolean("solved"),
                rs.getBoolean("approved"), rs.getString("solution_node"), rs.getString("solution_answer"),
                rs.getString("solution_commands"), rs.getString("corrected_solution"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("solved_at")));
    }

    @QueryHandler
    Optional<SimilarCases> handle(FindSimilarCases query) {
        String caseId = query.caseId().value();
        Optional<Row> self = jdbc.sql("select * from similar_case where case_id = ?").param(caseId).query(SimilarCasesQueryHandlers::row).optional();
        Set<String> terms;
        String category;
        String vendor;
        Instant before;
        if (query.text() == null) {
            if (self.isEmpty() || !mayRead(self.get().owner(), query.requester())) return Optional.empty();
            terms = CaseTerms.parse(self.get().terms());
            category = self.get().category();
            vendor = self.get().vendor();
            before = self.get().createdAt();
        } else {
            terms = CaseTerms.of(query.text());
            category = query.category();
            vendor = query.vendor();
            before = self.map(Row::createdAt).orElse(null);
        }
        int limit = Math.max(1, Math.min(query.limit() <= 0 ? 5 : query.limit(), MAX_LIMIT));
        boolean everyCase = query.requester().isAdmin() || query.requester().hasRole(Requester.AUDITOR);
        // Scored on what scoring needs; the solutions of the few shown are read after (they are most of a row's bytes).
        List<Candidate> candidates = jdbc.sql("select case_id, terms, category, vendor, solved, approved, created_at"
                        + " from similar_case where case_id <> :caseId and solution_answer is not null"
                        + (everyCase ? "" : " and owner = :owner") + (query.resolvedOnly() ? " and resolved = true" : "")
                        + (before == null ? "" : " and created_at < :before")
                        + " order by created_at desc limit :candidates")
                .param("caseId", caseId).param("owner", query.requester().userId())
                .param("before", before == null ? null : Timestamp.from(before)).param("candidates", CANDIDATES)
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6), instant(rs.getTimestamp(7))))
                .list();
        List<Scored> alikeOnes = new ArrayList<>();
        for (Candidate c : candidates) {
            List<String> alike = new ArrayList<>();
            double score = 0;
            if (known(category) && category.equalsIgnoreCase(c.category())) {
                score += SAME_CATEGORY;
                alike.add("category " + c.category());
            }
            if (known(vendor) && vendor.equalsIgnoreCase(c.vendor())) {
                score += SAME_VENDOR;
                alike.add("vendor " + c.vendor());
            }
            CaseTerms.Shared shared = CaseTerms.shared(c.terms(), terms, 12);
            if (shared.count() > 0) {
                score += SHARED_TERMS * shared.count() / Math.sqrt((double) terms.size() * shared.ofStored());
                alike.add("terms " + String.join(", ", shared.named()));
            }
            if (score < AT_LEAST) continue;
            alikeOnes.add(new Scored(c, Math.round(score * 1000) / 1000.0, alike));
        }
        alikeOnes.sort(Comparator.comparing((Scored s) -> s.candidate().approved()).reversed()
                .thenComparing(Comparator.comparing((Scored s) -> s.candidate().solved()).reversed())
                .thenComparing(Comparator.comparingDouble(Scored::score).reversed())
                .thenComparing(Comparator.comparing((Scored s) -> s.candidate().createdAt()).reversed()));
        List<Scored> shown = alikeOnes.subList(0, Math.min(limit, alikeOnes.size()));
        if (shown.isEmpty()) return Optional.of(new SimilarCases(caseId, List.of()));
        java.util.Map<String, Row> rows = new java.util.HashMap<>();
        jdbc.sql("select * from similar_case where case_id in (:ids)")
                .param("ids", shown.stream().map(s -> s.candidate().caseId()).toList())
                .query(SimilarCasesQueryHandlers::row).list().forEach(r -> rows.put(r.caseId(), r));
        List<SimilarCase> similar = new ArrayList<>();
        for (Scored s : shown) {
            Row c = rows.get(s.candidate().caseId());
            if (c == null) continue; // removed by a rebuild between the two reads
            similar.add(new SimilarCase(c.caseId(), c.title(), c.category(), c.vendor(), CaseStatus.parse(c.status()).orElse(CaseStatus.OPEN),
                    c.solved(), c.approved(), s.score(), s.alike(), c.createdAt(), c.solvedAt(),
                    new SimilarSolution(c.solutionNode(), c.solutionAnswer(), commands(c.solutionCommands()), corrected(c.correctedSolution()))));
        }
        return Optional.of(new SimilarCases(caseId, List.copyOf(similar)));
    }

    /** What a candidate is scored by. */
    private record Candidate(String caseId, String terms, String category, String vendor, boolean solved, boolean approved,
                             Instant createdAt) {
    }

    private record Scored(Candidate candidate, double score, List<String> alike) {
    }

    private static boolean mayRead(String owner, Requester requester) {
        return owner.equals(requester.userId()) || requester.isAdmin() || requester.hasRole(Requester.AUDITOR);
    }

    private static boolean known(String label) {
        return label != null && !label.isBlank() && !"other".equals(label.toLowerCase(Locale.ROOT));
    }

    /** Stored as JSON: a text as a JSON string, an object as itself; shown as given. */
    private CorrectedSolution corrected(String stored) {
        if (stored == null || stored.isBlank()) return null;
        try {
            return json.readValue(stored, CorrectedSolution.class);
        } catch (IOException e) {
            return CorrectedSolution.text(stored);
        }
    }

    private List<String> commands(String stored) {
        if (stored == null || stored.isBlank()) return List.of();
        try {
            return json.readValue(stored, new TypeReference<List<String>>() {
            });
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
