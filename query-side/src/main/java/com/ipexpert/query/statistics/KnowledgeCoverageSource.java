package com.ipexpert.query.statistics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.knowledge.DocumentQueries.SearchKnowledge;
import com.ipexpert.api.knowledge.DocumentViews.KnowledgeHit;
import com.ipexpert.api.knowledge.DocumentViews.KnowledgeHits;
import com.ipexpert.api.statistics.StatisticsViews.KnowledgeCoverage;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well indexed knowledge covers each topic (fault category) for each vendor that has indexed documents: the
 * share (0..100) of the topic's probe questions ({@code statistics/coverage-probes.json}) for which hybrid retrieval
 * filtered to the vendor returns, among its top {@value #TOP_K}, a passage that answers it: one that names the topic
 * (one of its anchors, in its text or section path) and shares at least one more of the probe's terms, whole words for
 * Latin terms. One shared word ("hello") never makes a passage relevant.
 * A vendor is measured again in the background ({@link KnowledgeCoverageMeasurer}) once one of its documents was
 * indexed, re-parsed or deleted, and again every few seconds for {@link #SETTLE} after such a change, since the index
 * is filled by its own projection and may lag the change by a moment. Reading the dashboard never writes.
 */
@Component
class KnowledgeCoverageSource {
    static final int TOP_K = 5;
    static final Duration SETTLE = Duration.ofSeconds(15);
    private static final double WEIGHT = 0.7;
    private static final Logger log = LoggerFactory.getLogger(KnowledgeCoverageSource.class);
    private final JdbcClient jdbc;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final QueryGateway queries;
    private final Map<String, List<Probe>> probes;
    private final Map<String, List<String>> anchors;

    record Probe(String question, List<String> terms) {
    }

    KnowledgeCoverageSource(JdbcClient jdbc, QueryGateway queries, ObjectMapper json,
                            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.queries = queries;
        this.probes = load(json);
        this.anchors = loadAnchors(json);
        for (String topic : probes.keySet()) {
            if (anchors.getOrDefault(topic, List.of()).isEmpty()) {
                throw new IllegalStateException("coverage-probes.json: topic " + topic + " has no _anchors naming it");
            }
        }
    }

    /** The last measures; reading them changes nothing. */
    List<KnowledgeCoverage> current() {
        return jdbc.sql("""
                        select topic, vendor, coverage from knowledge_coverage c
                         where exists (select 1 from knowledge_coverage_document d where d.vendor = c.vendor and d.indexed)
                         order by topic, vendor""")
                .query((rs, n) -> new KnowledgeCoverage(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }

    /**
     * Measures every vendor marked for it; a vendor stays marked for {@link #SETTLE} after its last change.
     *
     * @return whether some vendor is still marked, to be measured again shortly
     */
    boolean measurePending() {
        Instant now = Instant.now();
        List<String> pending = jdbc.sql("select vendor from knowledge_coverage_pending order by vendor").query(String.class).list();
        for (String vendor : pending) {
            try {
                measure(vendor, now);
                jdbc.sql("delete from knowledge_coverage_pending where vendor = ? and changed_at < ?")
                        .params(vendor, Timestamp.from(now.minus(SETTLE))).update();
            } catch (RuntimeException e) {
                log.warn("Knowledge coverage of {} could not be measured; the last measure stands", vendor, e);
            }
        }
        return jdbc.sql("select count(*) from knowledge_coverage_pending").query(Long.class).single() > 0;
    }

    /** Asks every probe first, then replaces the vendor's measures in one transaction, so a reader sees all or none. */
    private void measure(String vendor, Instant at) {
        boolean indexed = jdbc.sql("select count(*) from knowledge_coverage_document where vendor = ? and indexed")
                .param(vendor).query(Long.class).single() > 0;
        Map<String, Integer> coverage = new LinkedHashMap<>();
        if (indexed) {
            probes.forEach((topic, questions) -> {
                long answered = questions.stream().filter(p -> answered(topic, p, vendor)).count();
                coverage.put(topic, (int) Math.round(100.0 * answered / questions.size()));
            });
        }
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("delete from knowledge_coverage where vendor = ?").param(vendor).update();
            coverage.forEach((topic, value) -> jdbc.sql(
                            "insert into knowledge_coverage (topic, vendor, coverage, probes, measured_at) values (?, ?, ?, ?, ?)")
                    .params(topic, vendor, value, probes.get(topic).size(), Timestamp.from(at)).update());
        });
    }

    private boolean answered(String topic, Probe probe, String vendor) {
        KnowledgeHits hits = queries.query(new SearchKnowledge(probe.question(), WEIGHT, List.of(), vendor, TOP_K),
                KnowledgeHits.class).join();
        for (KnowledgeHit hit : hits.items()) {
            String section = hit.location() == null || hit.location().section() == null ? "" : hit.location().section();
            if (answers(section + "\n" + (hit.text() == null ? "" : hit.text()), anchors.getOrDefault(topic, List.of()), probe.terms())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a passage answers a probe: it names the topic (an anchor) and shares at least two distinct words with the
     * anchors and the probe's terms together.
     */
    static boolean answers(String passage, List<String> anchors, List<String> terms) {
        java.util.Set<String> found = new java.util.HashSet<>();
        boolean named = false;
        for (String anchor : anchors) {
            if (mentions(passage, anchor)) {
                named = true;
                found.add(anchor.toLowerCase(Locale.ROOT));
            }
        }
        if (!named) return false;
        for (String term : terms) {
            if (mentions(passage, term)) found.add(term.toLowerCase(Locale.ROOT));
        }
        return found.size() >= 2;
    }

    /** A Latin term as a whole word (a plural allowed: hellos, flaps); a Chinese term anywhere. */
    static boolean mentions(String passage, String term) {
        if (term.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return passage.contains(term);
        }
        return java.util.regex.Pattern.compile("(?<![\\p{Alnum}])" + java.util.regex.Pattern.quote(term) + "(?:s|es)?(?![\\p{Alnum}])",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(passage).find();
    }

    private static Map<String, List<String>> loadAnchors(ObjectMapper json) {
        try (InputStream in = KnowledgeCoverageSource.class.getResourceAsStream("/statistics/coverage-probes.json")) {
            Map<String, Object> raw = json.readValue(in, new TypeReference<>() {
            });
            return json.convertValue(raw.getOrDefault("_anchors", Map.of()), new TypeReference<Map<String, List<String>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The knowledge coverage probes cannot be read", e);
        }
    }

    private static Map<String, List<Probe>> load(ObjectMapper json) {
        try (InputStream in = KnowledgeCoverageSource.class.getResourceAsStream("/statistics/coverage-probes.json")) {
            Map<String, Object> raw = json.readValue(in, new TypeReference<>() {
            });
            Map<String, List<Probe>> probes = new LinkedHashMap<>();
            raw.forEach((topic, list) -> {
                if (topic.startsWith("_")) return;
                probes.put(topic, json.convertValue(list, new TypeReference<List<Probe>>() {
                }));
            });
            return probes;
        } catch (IOException e) {
            throw new UncheckedIOException("The knowledge coverage probes cannot be read", e);
        }
    }
}
