package com.ipexpert.command.cases;

import com.ipexpert.api.cases.CaseCommands.AnswerClarification;
import com.ipexpert.api.cases.CaseCommands.CloseCase;
import com.ipexpert.api.cases.CaseCommands.GiveFeedback;
import com.ipexpert.api.cases.CaseCommands.OpenCase;
import com.ipexpert.api.cases.CaseCommands.ReopenCase;
import com.ipexpert.api.cases.CaseCommands.RetryAnalysis;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CorrectedSolution;
import com.ipexpert.api.cases.FeedbackOutcome;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.edge.display.NodeTitles;
import com.ipexpert.edge.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The write side of cases: open, answer a clarification, give feedback, close, retry a failed analysis.
 * Identifiers are chosen here, so each call answers at once with the nodes it added; analysis runs in the background.
 */
@RestController
@RequestMapping("/api/v1/cases")
@PreAuthorize("hasAnyRole('user', 'admin')")
@Tag(name = "Cases")
class CaseCommandController {
    private final CommandGateway commands;
    private final CaseAttachments attachments;
    private final Clock clock;

    CaseCommandController(CommandGateway commands, CaseAttachments attachments, Clock clock) {
        this.commands = commands;
        this.attachments = attachments;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Open a case", description = "Body {query, attachments}. Answers at once with the question node and the analysis node (PROCESSING); empty query → 400. "
            + "An attachment is a string (a name, a link, pasted text) or {name, url|reference|id|content}. (extension) A screenshot is "
            + "{name, content: \"data:image/png;base64,...\"} (PNG, JPEG, GIF, BMP, TIFF, WebP, judged by content): it is read by OCR "
            + "before the case opens and stored as {name, reference: the text read}, never as the image; pasted output in it is read as "
            + "facts. Not base64 or not an image → 400; larger than ipexpert.cases.screenshots.max-image-size (5 MB) → 413; OCR not enabled "
            + "on the server → 400 naming the packages to install; no text read → kept with an empty reference, its name ending "
            + "\"(OCR found no text)\".")
    Map<String, Object> open(@RequestBody CaseRequests.OpenCaseRequest request, @AuthenticationPrincipal AuthenticatedUser user) {
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw ApiException.badRequest("问题描述不能为空");
        }
        CaseId caseId = CaseId.random();
        NodeId queryNode = NodeId.random();
        NodeId analysisNode = NodeId.random();
        var attachments = this.attachments.read(request.attachments());
        commands.sendAndWait(new OpenCase(caseId, user.requester(), request.query(), attachments, queryNode,
                analysisNode, RetrievalSettings.defaults(), clock.instant()));
        String query = request.query().strip();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("text", query);
        content.put("attachments", attachments);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId.value());
        body.put("title", Case.titleOf(query));
        body.put("nodes", List.of(node(queryNode, NodeType.USER_QUERY, NodeStatus.COMPLETED, content),
                node(analysisNode, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, null)));
        body.put("edges", List.of(edge(queryNode, analysisNode)));
        return body;
    }

    @PostMapping("/{caseId}/interactions")
    @Operation(summary = "Answer a clarification, or report back on a solution", description = "Body {parentNodeId, response, retrievalWeight (0..1, default 0.7), filterTags}. "
            + "The parent must be the node AWAITING_USER_INPUT, or the case's last SOLUTION while no analysis runs (else 409); "
            + "either way a new analysis step starts. A string response is stored as {\"text\": ...}. (extension) attachments, beside "
            + "the response or inside a response object, are read as a question's (screenshots by OCR) and stored as "
            + "response.attachments [{name, reference}]; an answer may be its attachments alone; a data URL elsewhere in the response → 400.")
    Map<String, Object> interact(@PathVariable String caseId, @RequestBody CaseRequests.InteractionRequest request,
                                 @AuthenticationPrincipal AuthenticatedUser user) {
        if (request == null || request.parentNodeId() == null || request.parentNodeId().isBlank()) {
            throw ApiException.badRequest("parentNodeId is required");
        }
        Map<String, Object> response = CaseRequests.response(request.said(), attachments.read(request.allAttachments()));
        RetrievalSettings retrieval = CaseRequests.retrieval(request.retrievalWeight(), request.filterTags());
        NodeId parent = NodeId.of(request.parentNodeId().trim());
        NodeId responseNode = NodeId.random();
        NodeId analysisNode = NodeId.random();
        AnswerClarification command = new AnswerClarification(CaseId.of(caseId), user.requester(), parent,
                responseNode, analysisNode, response, retrieval, clock.instant());
        commands.sendAndWait(command);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("newNodes", List.of(node(responseNode, NodeType.USER_RESPONSE, NodeStatus.COMPLETED, response),
                node(analysisNode, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, null)));
        body.put("newEdges", List.of(edge(parent, responseNode), edge(responseNode, analysisNode)));
        body.put("processingNodeId", analysisNode.value());
        return body;
    }

    @PostMapping("/{caseId}/feedback")
    @Operation(summary = "Give feedback", description = "Body {outcome: solved|unsolved, comment, corrected_solution}; only the case's owner. 'solved' sets the case to solved. Stored pending review.")
    Map<String, Object> feedback(@PathVariable String caseId, @RequestBody CaseRequests.FeedbackRequest request,
                                 @AuthenticationPrincipal AuthenticatedUser user) {
        if (request == null) throw ApiException.badRequest("outcome is required");
        FeedbackOutcome outcome = FeedbackOutcome.parse(request.outcome())
                .orElseThrow(() -> ApiException.badRequest("outcome must be 'solved' or 'unsolved'"));
        if (request.comment() != null && request.comment().length() > 10_000) throw ApiException.badRequest("comment is too long (10000 characters at most)");
        CorrectedSolution correctedSolution = CaseRequests.correctedSolution(request.correctedSolution());
        String feedbackId = UUID.randomUUID().toString();
        NodeId responseNode = NodeId.random();
        NodeId analysisNode = NodeId.random();
        NodeId continued = commands.sendAndWait(new GiveFeedback(CaseId.of(caseId), user.requester(), feedbackId, outcome,
                request.comment(), correctedSolution, clock.instant(), responseNode, analysisNode));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("message", outcome == FeedbackOutcome.SOLVED ? "感谢反馈，案例已标记为已解决" : "感谢反馈，我们会继续改进");
        body.put("feedbackId", feedbackId);
        if (continued != null) body.put("processingNodeId", continued.value()); // the step that goes on from the comment
        return body;
    }

    @PostMapping("/{caseId}/close")
    @Operation(summary = "Close a case", description = "Owner or admin. A closed case takes no more interactions; closing twice → 409.")
    Map<String, Object> close(@PathVariable String caseId, @AuthenticationPrincipal AuthenticatedUser user) {
        commands.sendAndWait(new CloseCase(CaseId.of(caseId), user.requester(), clock.instant()));
        return Map.of("caseId", caseId, "status", "closed");
    }

    @PostMapping("/{caseId}/reopen")
    @Operation(summary = "Reopen a solved or closed case (extension)", description = "Owner only; the case is open again and takes "
            + "interactions, on the node awaiting input or on its last solution. An open case → 409.")
    Map<String, Object> reopen(@PathVariable String caseId, @AuthenticationPrincipal AuthenticatedUser user) {
        commands.sendAndWait(new ReopenCase(CaseId.of(caseId), user.requester(), clock.instant()));
        return Map.of("caseId", caseId, "status", "open");
    }

    @PostMapping("/{caseId}/nodes/{nodeId}/retry")
    @Operation(summary = "Retry a FAILED analysis node", description = "Owner or admin; the node starts again (PROCESSING). A node that has not failed → 409.")
    Map<String, Object> retry(@PathVariable String caseId, @PathVariable String nodeId,
                              @AuthenticationPrincipal AuthenticatedUser user) {
        commands.sendAndWait(new RetryAnalysis(CaseId.of(caseId), user.requester(), NodeId.of(nodeId), clock.instant()));
        return node(NodeId.of(nodeId), NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, null);
    }

    private static Map<String, Object> node(NodeId id, NodeType type, NodeStatus status, Object content) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id.value());
        node.put("type", type);
        node.put("title", NodeTitles.of(type, status));
        node.put("status", status);
        if (content != null) node.put("content", content);
        return node;
    }

    private static Map<String, Object> edge(NodeId source, NodeId target) {
        return Map.of("source", source.value(), "target", target.value());
    }
}
