package com.ipexpert.query.cases;

import com.ipexpert.edge.messaging.ReadsFrom;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CaseQueries.FindCaseGraph;
import com.ipexpert.api.cases.CaseQueries.FindNode;
import com.ipexpert.api.cases.CaseQueries.ListCases;
import com.ipexpert.api.cases.CaseStatus;
import com.ipexpert.api.cases.CaseViews.CaseChange;
import com.ipexpert.api.cases.CaseViews.CaseGraph;
import com.ipexpert.api.cases.CaseViews.CaseSummary;
import com.ipexpert.api.cases.CaseViews.CaseSummaryList;
import com.ipexpert.api.cases.CaseViews.NodeView;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.edge.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import com.ipexpert.query.streaming.LiveStreams;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The read side of cases: list, whole graph, one node, and a live stream of a case's changes. */
@ReadsFrom(CaseGraphProjection.PROCESSING_GROUP)
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases")
class CaseReadController {
    private final QueryGateway queries;
    private final AgentDrafts drafts;

    CaseReadController(QueryGateway queries, AgentDrafts drafts) {
        this.queries = queries;
        this.drafts = drafts;
    }

    @GetMapping
    @Operation(summary = "The caller's cases", description = "Most recently updated first; optional filters status (open|solved|closed), vendor, category.")
    List<CaseSummary> list(@RequestParam(required = false) String status, @RequestParam(required = false) String vendor,
                           @RequestParam(required = false) String category,
                           @AuthenticationPrincipal AuthenticatedUser user) {
        CaseStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = CaseStatus.parse(status).orElseThrow(() ->
                    ApiException.badRequest("status must be open, solved or closed"));
        }
        return queries.query(new ListCases(user.requester(), wanted, vendor, category), CaseSummaryList.class).join().cases();
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "A case as a graph", description = "{caseId, title, status, createdAt, updatedAt, nodes, edges}; another user's case → 404.")
    CaseGraph graph(@PathVariable String caseId, @AuthenticationPrincipal AuthenticatedUser user) {
        return findGraph(caseId, user).orElseThrow(() -> ApiException.notFound("Case " + caseId + " was not found"));
    }

    @GetMapping("/{caseId}/nodes/{nodeId}")
    @Operation(summary = "One node", description = "{id, type, title, status, content, metadata}; metadata records the analysis step that produced it.")
    NodeView node(@PathVariable String caseId, @PathVariable String nodeId, @AuthenticationPrincipal AuthenticatedUser user) {
        Optional<NodeView> node = queries.query(new FindNode(CaseId.of(caseId), NodeId.of(nodeId), user.requester()),
                ResponseTypes.optionalInstanceOf(NodeView.class)).join();
        return node.orElseThrow(() -> findGraph(caseId, user).isPresent()
                ? ApiException.notFound("Node " + nodeId + " is not part of case " + caseId)
                : ApiException.notFound("Case " + caseId + " was not found"));
    }

    @GetMapping(value = "/{caseId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live stream of a case (Server-Sent Events)",
            description = "First event 'graph' with the whole case, then 'node', 'edge' and 'case' events as they happen. "
                    + "While a model writes an analysis step, 'delta' events carry its text as it is generated: "
                    + "{caseId, nodeId, attempt, field: answer|analysis, offset, text}; keep draft = draft[0, offset) + text "
                    + "(offset 0 starts the draft over). Deltas are never stored: the node's 'node' event brings its final content, once.")
    SseEmitter stream(@PathVariable String caseId, @AuthenticationPrincipal AuthenticatedUser user) {
        FindCaseGraph query = new FindCaseGraph(CaseId.of(caseId), user.requester());
        Supplier<SubscriptionQueryResult<CaseGraph, CaseChange>> subscribe = () -> queries.subscriptionQuery(query,
                ResponseTypes.instanceOf(CaseGraph.class), ResponseTypes.instanceOf(CaseChange.class));
        return LiveStreams.open(subscribe, "graph", CaseChange::kind,
                () -> ApiException.notFound("Case " + caseId + " was not found"), () -> drafts.follow(CaseId.of(caseId)));
    }

    private Optional<CaseGraph> findGraph(String caseId, AuthenticatedUser user) {
        return queries.query(new FindCaseGraph(CaseId.of(caseId), user.requester()),
                ResponseTypes.optionalInstanceOf(CaseGraph.class)).join();
    }
}
