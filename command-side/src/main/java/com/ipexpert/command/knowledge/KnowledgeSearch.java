package com.ipexpert.command.knowledge;

import com.ipexpert.analyst.Evidence;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.api.knowledge.DocumentQueries.SearchKnowledge;
import com.ipexpert.api.knowledge.DocumentViews.Citation;
import com.ipexpert.api.knowledge.DocumentViews.KnowledgeHit;
import com.ipexpert.api.knowledge.DocumentViews.KnowledgeHits;
import com.ipexpert.command.agent.KnowledgeRetrieval;
import com.ipexpert.retrieval.embed.KnowledgeEngineLoading;
import com.ipexpert.retrieval.index.ChunkLocation;
import com.ipexpert.retrieval.index.KnowledgeIndex;
import com.ipexpert.retrieval.index.KnowledgeQuery;
import com.ipexpert.retrieval.index.SearchHit;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Searches the knowledge index: answers {@link SearchKnowledge} for the search endpoint, and is the agent's
 * {@link KnowledgeRetrieval}. Lives beside the index (which has one writer, in this process); the query side
 * reaches it through the query bus, so it needs no index of its own.
 */
class KnowledgeSearch implements KnowledgeRetrieval {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeSearch.class);
    private final KnowledgeIndex index;

    KnowledgeSearch(KnowledgeIndex index) {
        this.index = index;
    }

    @QueryHandler
    KnowledgeHits handle(SearchKnowledge query) {
        List<SearchHit> hits = index.search(new KnowledgeQuery(query.text(), query.weight(), query.tags(), query.vendor(), query.k()));
        return new KnowledgeHits(hits.stream().map(h -> new KnowledgeHit(h.chunkId(), h.docId(), h.fileName(),
                blankToNull(h.vendor()), h.tags(), h.text(), h.score(), citation(h))).toList());
    }

    static Citation citation(SearchHit hit) {
        ChunkLocation l = hit.location();
        return Citation.of(l.page(), l.headingPath(), l.start(), l.end(), hit.fileName());
    }

    /** The chunk as the index holds it now: a deleted document's or a hidden chunk's passage is no longer there. */
    @Override
    public Optional<Map<String, Object>> citation(Evidence evidence) {
        try {
            return index.find(evidence.chunkId()).map(hit -> {
                Citation c = citation(hit);
                Map<String, Object> location = new LinkedHashMap<>();
                location.put("page", c.page());
                location.put("section", c.section());
                location.put("start", c.start());
                location.put("end", c.end());
                location.put("describe", c.describe());
                return location;
            });
        } catch (RuntimeException e) {
            log.warn("Could not check chunk {} before citing it; it is not cited", evidence.chunkId(), e);
            return Optional.empty();
        }
    }

    @Override
    public List<Evidence> retrieve(String query, String vendor, RetrievalSettings settings, int limit) {
        if (query == null || query.isBlank()) return List.of();
        RetrievalSettings s = settings == null ? RetrievalSettings.defaults() : settings;
        try {
            return index.search(new KnowledgeQuery(query, s.weight(), s.filterTags(), vendor, Math.max(1, Math.min(100, limit))))
                    .stream().map(h -> new Evidence(h.chunkId(), h.docId(), h.fileName(), blankToNull(h.vendor()), h.tags(),
                            citation(h).describe(), h.text(), h.score())).toList();
        } catch (KnowledgeEngineLoading e) {
            // Not an empty result: the attempt fails and is retried once the models are there.
            throw e;
        } catch (RuntimeException e) {
            // An analysis without evidence is still an analysis; the failure is the index's, not the case's.
            log.warn("Knowledge retrieval failed; the step goes on without evidence", e);
            return List.of();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
