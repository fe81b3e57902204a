package com.ipexpert.query.cases;

import com.ipexpert.api.cases.CaseQueries.FindCaseGraph;
import com.ipexpert.api.cases.CaseQueries.FindNode;
import com.ipexpert.api.cases.CaseQueries.ListCases;
import com.ipexpert.api.cases.CaseViews.CaseGraph;
import com.ipexpert.api.cases.CaseViews.CaseSummaryList;
import com.ipexpert.api.cases.CaseViews.NodeView;
import com.ipexpert.api.identity.Requester;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers case queries from the case-graph read model; a case the requester may not see is simply not there. */
@Component
class CaseQueryHandlers {
    private final CaseGraphStore store;

    CaseQueryHandlers(CaseGraphStore store) {
        this.store = store;
    }

    @QueryHandler
    CaseSummaryList handle(ListCases query) {
        return new CaseSummaryList(store.list(query.requester().userId(), query.status(), blankToNull(query.vendor()),
                blankToNull(query.category())));
    }

    @QueryHandler
    Optional<CaseGraph> handle(FindCaseGraph query) {
        // One read of the case row serves both who may see it and the graph's head.
        return store.row(query.caseId().value()).filter(row -> visible(row, query.requester()))
                .map(row -> store.graph(query.caseId().value(), row));
    }

    @QueryHandler
    Optional<NodeView> handle(FindNode query) {
        return store.row(query.caseId().value()).filter(row -> visible(row, query.requester()))
                .flatMap(row -> store.node(row, query.nodeId().value()));
    }

    /** Owners see their cases; admins and auditors see every case. */
    private static boolean visible(CaseGraphStore.Row row, Requester requester) {
        return row.owner().equals(requester.userId()) || requester.isAdmin() || requester.hasRole(Requester.AUDITOR);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
