package com.ipexpert.query.audit;

import com.ipexpert.api.audit.AuditQueries.ListAuditCases;
import com.ipexpert.api.audit.AuditViews.AuditCase;
import com.ipexpert.api.audit.AuditViews.AuditCasePage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Lists every user's cases for auditors, from the case-graph read model. */
@Component
class AuditCaseQueryHandlers {
    private final JdbcClient jdbc;

    AuditCaseQueryHandlers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AuditCasePage handle(ListAuditCases query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.owner() != null) {
            where.append(" and owner = ?");
            params.add(query.owner());
        }
        if (query.from() != null) {
            where.append(" and created_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and created_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        long total = jdbc.sql("select count(*) from case_view" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(query.pageSize());
        paged.add((long) (query.page() - 1) * query.pageSize());
        List<AuditCase> items = jdbc.sql("select case_id, title, status, owner, created_at, updated_at from case_view"
                        + where + " order by created_at desc, case_id limit ? offset ?")
                .params(paged)
                .query((rs, n) -> new AuditCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
                .list();
        return new AuditCasePage(items, total, query.page(), query.pageSize());
    }
}
