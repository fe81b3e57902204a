package com.ipexpert.query.similar;

import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CaseQueries.FindSimilarCases;
import com.ipexpert.api.cases.CaseViews.SimilarCases;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.edge.messaging.ReadsFrom;
import com.ipexpert.edge.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Earlier cases like a case, with their solutions: what an engineer reads before trying the agent's. */
@ReadsFrom(SimilarCasesProjection.PROCESSING_GROUP)
@RestController
@Tag(name = "Cases")
class SimilarCasesController {
    private final QueryGateway queries;

    SimilarCasesController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/cases/{caseId}/similar")
    @Operation(summary = "Similar earlier cases",
            description = "Earlier cases the caller may read that reached a solution, alike by category, vendor and the terms "
                    + "their engineers wrote: approved solutions first, then solved cases, then by score (0..1). Each item "
                    + "has its solution {nodeId, answer, commands, correctedSolution}, whether it was solved and approved, "
                    + "and why it is alike. limit 1..20 (default 5). Another user's case → 404.")
    SimilarCases similar(@PathVariable String caseId, @RequestParam(defaultValue = "5") int limit,
                         @AuthenticationPrincipal AuthenticatedUser user) {
        if (limit < 1 || limit > SimilarCasesQueryHandlers.MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + SimilarCasesQueryHandlers.MAX_LIMIT);
        }
        return queries.query(FindSimilarCases.of(CaseId.of(caseId), user.requester(), limit),
                        ResponseTypes.optionalInstanceOf(SimilarCases.class)).join()
                .orElseThrow(() -> ApiException.notFound("Case " + caseId + " was not found"));
    }
}
