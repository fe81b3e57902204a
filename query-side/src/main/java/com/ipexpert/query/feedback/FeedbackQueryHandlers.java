package com.ipexpert.query.feedback;

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
import java.util.Optional;

/** Answers feedback-review queries from its read model. */
@Component
class FeedbackQueryHandlers {
    private static final String COLUMNS = """
            select feedback_id, case_id, outcome, comment, corrected_solution, review_status, created_at, reviewed_by,
                   reviewed_at from feedback_review""";
    private final JdbcClient jdbc;

    FeedbackQueryHandlers(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                .params(paged).query(FeedbackQueryHandlers::map).list();
        return new FeedbackPage(items, total, query.page(), query.pageSize());
    }

    @QueryHandler
    Optional<FeedbackItem> handle(FindFeedback query) {
        return jdbc.sql(COLUMNS + " where feedback_id = ?").param(query.feedbackId()).query(FeedbackQueryHandlers::map).optional();
    }

    private static FeedbackItem map(ResultSet rs, int n) throws SQLException {
        return new FeedbackItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), instant(rs.getTimestamp(9)));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
