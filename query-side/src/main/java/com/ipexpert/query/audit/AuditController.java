package com.ipexpert.query.audit;

import com.ipexpert.edge.messaging.ReadsFrom;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.audit.AuditQueries.ListAuditCases;
import com.ipexpert.api.audit.AuditViews.AuditCasePage;
import com.ipexpert.api.audit.AuditViews.CaseHistory;
import com.ipexpert.api.audit.AuditViews.ChainVerdict;
import com.ipexpert.api.cases.CaseViews.CaseGraph;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.query.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Read-only history for auditors: every case of every user, each case's events as the event store holds them,
 * the case as it stood at any moment, an NDJSON export and a check of the events' tamper-evident links.
 */
@RestController
@RequestMapping("/api/v1/audit/cases")
@PreAuthorize("hasAnyRole('auditor', 'admin')")
@Tag(name = "Audit")
class AuditController {
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private final QueryGateway queries;
    private final CaseAudit audit;
    private final ObjectMapper json;
    private final Clock clock;

    AuditController(QueryGateway queries, CaseAudit audit, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @ReadsFrom("case-graph")
    @GetMapping
    @Operation(summary = "Every user's cases", description = "Optional user (owner id), from/to (ISO times: opened within [from, to)), page (from 1), pageSize (1..100). Newest first.")
    AuditCasePage list(@RequestParam(required = false) String user, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer pageSize) {
        Paging paging = Paging.of(page, pageSize);
        return queries.query(new ListAuditCases(blankToNull(user), instant("from", from), instant("to", to),
                paging.page(), paging.pageSize()), AuditCasePage.class).join();
    }

    @GetMapping("/{caseId}/events")
    @Operation(summary = "A case's events", description = "Every event of the case and of its nodes, from the event store, in the order they happened, with actor and correlation id.")
    CaseHistory events(@PathVariable String caseId) {
        return new CaseHistory(caseId, audit.events(caseId).orElseThrow(() -> unknown(caseId)));
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "A case as it stood at a moment", description = "at = ISO time; the graph rebuilt from the events stored up to then (default: now). Before the case existed → 404.")
    CaseGraph graphAt(@PathVariable String caseId, @RequestParam(required = false) String at) {
        Instant moment = at == null || at.isBlank() ? clock.instant() : instant("at", at);
        var stored = audit.stored(caseId);
        if (stored.isEmpty()) throw unknown(caseId);
        return audit.graphAt(stored, moment).orElseThrow(() -> ApiException.notFound("Case " + caseId
                + " did not exist yet at " + moment + "; it was opened at " + stored.get(0).occurredAt()));
    }

    @GetMapping(value = "/{caseId}/export", produces = "application/x-ndjson")
    @Operation(summary = "Export a case's events as NDJSON", description = "One event a line, the fields of /events, streamed.")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String caseId) {
        if (!audit.exists(caseId)) throw unknown(caseId);
        StreamingResponseBody body = (OutputStream out) -> audit.eachEvent(caseId, event -> {
            try {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"case-" + caseId + ".ndjson\"").body(body);
    }

    @GetMapping("/{caseId}/verify")
    @Operation(summary = "Check a case's events against their links", description = "{valid, events} or {valid: false, events, firstInvalid: {aggregateId, sequence}}: the first event, in the order they happened, whose stored payload or link no longer fits its chain.")
    ChainVerdict verify(@PathVariable String caseId) {
        return audit.verify(caseId).orElseThrow(() -> unknown(caseId));
    }

    private static ApiException unknown(String caseId) {
        return ApiException.notFound("Case " + caseId + " was not found");
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 time such as 2026-11-20T08:00:00Z");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
