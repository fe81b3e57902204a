package com.ipexpert.query.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.cases.CorrectedSolution;
import com.ipexpert.api.feedback.FeedbackQueries.FindFeedback;
import com.ipexpert.api.feedback.FeedbackQueries.ListFeedback;
import com.ipexpert.api.feedback.FeedbackViews.FeedbackItem;
import com.ipexpert.api.feedback.FeedbackViews.FeedbackPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers feedback-review queries from its read model. */
@Component
class FeedbackQueryHandlers {
    private static final String COLUMNS = """
            select feedback_id, case_id, outcome, comment, corrected_solution, review_status, created_at, reviewed_by,
                   reviewed_at, corrected_solution_object from feedback_review""";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    FeedbackQueryHandlers(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    FeedbackPage handle(ListFeedback query) {
        String where = query.reviewStatus() == null ? "" : " where review_status = ?";
        List<Object> params = new ArrayList<>();
        if (query.reviewStatus() != null) params.add(query.reviewStatus());
        long total = jdbc.sql("select count(*) from feedback_review" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(query.pageSize());
        paged.add((long) (query.page() - 1) * query.pageSize());
        List<FeedbackItem> items = jdbc.sql(COLUMNS + where + " order by created_at desc, feedback_id limit ? offset ?")
                .params(paged).query(this::map).list();
        return new FeedbackPage(items, total, query.page(), query.pageSize());
    }

    @QueryHandler
    Optional<FeedbackItem> handle(FindFeedback query) {
        return jdbc.sql(COLUMNS + " where feedback_id = ?").param(query.feedbackId()).query(this::map).optional();
    }

    private FeedbackItem map(ResultSet rs, int n) throws SQLException {
        return new FeedbackItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                correctedSolution(rs.getString(5), rs.getBoolean(10)),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), instant(rs.getTimestamp(9)));
    }

    /** As given: a text, or the object stored as its JSON text (a row from before that is no object stays text). */
    private CorrectedSolution correctedSolution(String stored, boolean object) {
        if (stored == null) return null;
        if (object) {
            try {
                Map<String, Object> value = json.readValue(stored, OBJECT);
                if (value != null && !value.isEmpty()) return CorrectedSolution.object(value);
            } catch (JsonProcessingException notAnObject) {
                // text that only looked like an object
            }
        }
        return CorrectedSolution.text(stored);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
