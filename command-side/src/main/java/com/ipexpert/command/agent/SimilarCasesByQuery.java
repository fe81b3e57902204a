package com.ipexpert.command.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CorrectedSolution;
import com.ipexpert.api.cases.CaseQueries.FindSimilarCases;
import com.ipexpert.api.cases.CaseViews.SimilarCase;
import com.ipexpert.api.cases.CaseViews.SimilarCases;
import com.ipexpert.api.identity.Requester;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the query side's similar-cases read model ({@link FindSimilarCases}, through the query bus, so the same on
 * Axon Server) on behalf of the case's owner, so a node shows only cases its owner may read. A step never fails for
 * it: without an answer within {@link #WAIT} (no query side, a slow one) the step shows no similar cases.
 */
class SimilarCasesByQuery implements SimilarCaseLookup {
    private static final Logger log = LoggerFactory.getLogger(SimilarCasesByQuery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(2);
    static final int SHOWN = 3;
    /** A node shows the gist of each solution; the whole one is a click away on the similar case itself. */
    static final int ANSWER_CHARS = 400;

    private final QueryGateway queries;

    SimilarCasesByQuery(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<Map<String, Object>> similarTo(CaseId caseId, String owner, String engineerText, String category, String vendor) {
        if (owner == null || owner.isBlank() || engineerText == null || engineerText.isBlank()) return List.of();
        try {
            Optional<SimilarCases> found = queries.query(FindSimilarCases.resolvedLike(caseId, new Requester(owner, Set.of(Requester.USER)),
                            engineerText, category, vendor, SHOWN), ResponseTypes.optionalInstanceOf(SimilarCases.class))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return found.map(s -> s.items().stream()
                    .map(SimilarCasesByQuery::shown).toList()).orElse(List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.debug("No similar cases for {}: {}", caseId.value(), e.toString());
            return List.of();
        }
    }

    /** A corrected solution given as an object is shown as its JSON. */
    private static String textOf(CorrectedSolution corrected) {
        if (corrected.isText()) return (String) corrected.value();
        try {
            return JSON.writeValueAsString(corrected.value());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(corrected.value());
        }
    }

    private static Map<String, Object> shown(SimilarCase c) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("caseId", c.caseId());
        shown.put("title", c.title());
        shown.put("solved", c.solved());
        shown.put("approved", c.approved());
        shown.put("score", c.score());
        shown.put("alike", c.alike());
        String answer = c.solution().correctedSolution() != null ? textOf(c.solution().correctedSolution()) : c.solution().answer();
        shown.put("answer", answer == null || answer.length() <= ANSWER_CHARS ? answer : answer.substring(0, ANSWER_CHARS) + "…");
        return shown;
    }
}
