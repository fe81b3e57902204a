package com.ipexpert.query.similar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.cases.CaseEvents.AnalysisOutcomeRecorded;
import com.ipexpert.api.cases.CaseEvents.CaseClosed;
import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseEvents.CaseReopened;
import com.ipexpert.api.cases.CaseEvents.CaseSolved;
import com.ipexpert.api.cases.CaseEvents.ClarificationAnswered;
import com.ipexpert.api.cases.CaseEvents.FeedbackGiven;
import com.ipexpert.api.cases.CaseEvents.FeedbackReviewed;
import com.ipexpert.api.cases.CaseStatus;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.cases.ReviewDecision;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cases earlier cases are compared with: per case, the terms of what its engineer wrote (question, answers,
 * reports back), its current category and vendor, its last proposed solution, whether it is solved and whether a
 * reviewer approved feedback on it. Idempotent (every handler sets, never counts) and rebuilt by replay.
 */
@Component
@ProcessingGroup(SimilarCasesProjection.PROCESSING_GROUP)
class SimilarCasesProjection {
    static final String PROCESSING_GROUP = "similar-cases";
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SimilarCasesProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CaseOpened e, @Timestamp Instant at) {
        String title = e.title() == null ? "" : e.title();
        jdbc.sql("""
                        insert into similar_case (case_id, owner, title, terms, status, solved, approved, created_at)
                        select ?, ?, ?, ?, ?, false, false, ? where not exists (select 1 from similar_case where case_id = ?)""")
                .params(e.caseId().value(), e.owner(), title.length() > 200 ? title.substring(0, 200) : title,
                        String.join(" ", CaseTerms.of(e.query())), CaseStatus.OPEN.wire(),
                        java.sql.Timestamp.from(e.openedAt() != null ? e.openedAt() : at), e.caseId().value())
                .update();
    }

    @EventHandler
    void on(ClarificationAnswered e) {
        String text = textOf(e.response());
        if (text.isBlank()) return;
        jdbc.sql("select terms from similar_case where case_id = ?").param(e.caseId().value()).query(String.class).optional()
                .ifPresent(stored -> jdbc.sql("update similar_case set terms = ? where case_id = ?")
                        .params(CaseTerms.merge(stored, CaseTerms.of(text)), e.caseId().value()).update());
    }

    @EventHandler
    void on(AnalysisOutcomeRecorded e) {
        jdbc.sql("update similar_case set category = coalesce(?, category), vendor = coalesce(?, vendor) where case_id = ?")
                .params(e.category(), e.vendor(), e.caseId().value()).update();
    }

    @EventHandler
    void on(AnalysisConcluded e) {
        if (e.type() != NodeType.SOLUTION || e.content() == null) return;
        Object answer = e.content().get("answer");
        Object commands = e.content().get("commands");
        jdbc.sql("update similar_case set solution_node = ?, solution_answer = ?, solution_commands = ? where case_id = ?")
                .params(e.nodeId().value(), answer == null ? "" : String.valueOf(answer),
                        write(commands instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of()),
                        e.caseId().value())
                .update();
    }

    @EventHandler
    void on(CaseSolved e, @Timestamp Instant at) {
        jdbc.sql("update similar_case set status = ?, solved = true, resolved = true, solved_at = ? where case_id = ?")
                .params(CaseStatus.SOLVED.wire(), java.sql.Timestamp.from(e.solvedAt() != null ? e.solvedAt() : at), e.caseId().value())
                .update();
    }

    @EventHandler
    void on(CaseClosed e) {
        jdbc.sql("update similar_case set status = ? where case_id = ?").params(CaseStatus.CLOSED.wire(), e.caseId().value()).update();
    }

    /** A reopened case's solution did not hold: it no longer counts as solved until it is solved again. */
    @EventHandler
    void on(CaseReopened e) {
        jdbc.sql("update similar_case set status = ?, solved = false, resolved = approved where case_id = ?")
                .params(CaseStatus.OPEN.wire(), e.caseId().value()).update();
    }

    @EventHandler
    void on(FeedbackGiven e) {
        jdbc.sql("""
                        insert into similar_case_feedback (feedback_id, case_id, outcome, corrected_solution)
                        select ?, ?, ?, ? where not exists (select 1 from similar_case_feedback where feedback_id = ?)""")
                .params(e.feedbackId(), e.caseId().value(), e.outcome().wire(),
                        e.correctedSolution() == null || e.correctedSolution().isBlank() ? null : write(e.correctedSolution()),
                        e.feedbackId())
                .update();
    }

    /**
     * An approved "solved" feedback approves the case's solution; an approved correction approves the engineer's
     * corrected solution, which is shown with it. A rejection approves nothing.
     */
    @EventHandler
    void on(FeedbackReviewed e) {
        if (e.decision() != ReviewDecision.APPROVE) return;
        jdbc.sql("select outcome, corrected_solution from similar_case_feedback where feedback_id = ?").param(e.feedbackId())
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional().ifPresent(feedback -> {
                    boolean corrected = feedback[1] != null && !feedback[1].isBlank();
                    if (corrected) {
                        jdbc.sql("update similar_case set approved = true, resolved = true, corrected_solution = ? where case_id = ?")
                                .params(feedback[1], e.caseId().value()).update();
                    } else if ("solved".equals(feedback[0])) {
                        jdbc.sql("update similar_case set approved = true, resolved = true where case_id = ?").param(e.caseId().value()).update();
                    }
                });
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from similar_case_feedback").update();
        jdbc.sql("delete from similar_case").update();
    }

    /**
     * The words of an answer, which is free JSON: its text and what its attachments hold (name, pasted text, the text
     * read from a screenshot), never the names of their fields.
     */
    static String textOf(Map<String, Object> response) {
        if (response == null) return "";
        List<String> parts = new java.util.ArrayList<>();
        response.values().forEach(value -> collectText(value, parts));
        return String.join("\n", parts);
    }

    private static void collectText(Object value, List<String> parts) {
        if (value == null) return;
        if (value instanceof Map<?, ?> map) map.values().forEach(v -> collectText(v, parts));
        else if (value instanceof java.util.Collection<?> items) items.forEach(v -> collectText(v, parts));
        else parts.add(String.valueOf(value));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
