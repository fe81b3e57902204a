package com.ipexpert.edge.operations;

import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseEvents.CaseSolved;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptFailed;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import com.ipexpert.api.cases.NodeEvents.AnalysisFailed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentDeleted;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentFailed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentIndexed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentParsed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentUploaded;
import com.ipexpert.api.knowledge.DocumentEvents.IngestionStepFailed;
import com.ipexpert.edge.correlation.MessageProvenance;
import com.ipexpert.edge.correlation.RequestCorrelationFilter;
import com.ipexpert.edge.messaging.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The domain's moments as metrics ({@code /actuator/prometheus}) and as INFO log lines carrying the request's trace id
 * and never user text: cases opened and solved, analyses by outcome, step latency, model tokens and failures,
 * ingestion pages, documents indexed and failures. A subscribing handler: it sees the events this process publishes,
 * once, and counts them when their transaction has committed.
 */
@ProcessingGroup(DomainMetrics.GROUP)
public class DomainMetrics {
    public static final String GROUP = "domain-metrics";
    private static final Logger log = LoggerFactory.getLogger("com.ipexpert.domain");
    private final MeterRegistry registry;
    private final Counter casesOpened;
    private final Counter casesSolved;
    private final Timer stepLatency;
    private final Counter pages;
    private final Counter documentsIndexed;
    private final Counter documentsUploaded;

    public DomainMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.casesOpened = Counter.builder("ipexpert.cases.opened").description("Cases opened").register(registry);
        this.casesSolved = Counter.builder("ipexpert.cases.solved").description("Cases solved").register(registry);
        this.stepLatency = Timer.builder("ipexpert.analysis.step.latency").description("One analysis step, retrieval and model included")
                .publishPercentileHistogram().register(registry);
        this.pages = Counter.builder("ipexpert.ingestion.pages").description("Pages parsed by ingestion").register(registry);
        this.documentsIndexed = Counter.builder("ipexpert.documents.indexed").description("Documents indexed").register(registry);
        this.documentsUploaded = Counter.builder("ipexpert.documents.uploaded").description("Documents uploaded").register(registry);
    }

    @EventHandler
    void on(CaseOpened e, MetaData meta) {
        afterCommit(meta, () -> {
            casesOpened.increment();
            log.info("Case {} opened by {}", e.caseId().value(), meta.get(MessageProvenance.ACTOR));
        });
    }

    @EventHandler
    void on(CaseSolved e, MetaData meta) {
        afterCommit(meta, () -> {
            casesSolved.increment();
            log.info("Case {} solved", e.caseId().value());
        });
    }

    @EventHandler
    void on(AnalysisConcluded e, MetaData meta) {
        afterCommit(meta, () -> {
            String outcome = e.type() == null ? "unknown" : e.type().name().toLowerCase(java.util.Locale.ROOT);
            registry.counter("ipexpert.analyses", "outcome", outcome).increment();
            Map<String, Object> metadata = e.metadata() == null ? Map.of() : e.metadata();
            if (metadata.get("latencyMs") instanceof Number ms) stepLatency.record(Duration.ofMillis(ms.longValue()));
            String analyst = String.valueOf(metadata.getOrDefault("analyst", "unknown"));
            countTokens(metadata, analyst);
            countModelFailures(metadata, analyst);
            log.info("Analysis of node {} in case {} concluded: {} (attempt {}, {} ms)", e.nodeId().value(),
                    e.caseId().value(), outcome, e.attempt(), metadata.get("latencyMs"));
        });
    }

    @EventHandler
    void on(AnalysisAttemptFailed e, MetaData meta) {
        afterCommit(meta, () -> {
            registry.counter("ipexpert.analysis.attempts.failed", "timedOut", Boolean.toString(e.timedOut()),
                    "retryable", Boolean.toString(e.retryable())).increment();
            Map<String, Object> record = e.record() == null ? Map.of() : e.record();
            String analyst = String.valueOf(record.getOrDefault("analyst", "unknown"));
            countTokens(record, analyst);
            countModelFailures(record, analyst);
            log.info("Analysis attempt {} of node {} in case {} failed (retryable {}, timed out {})", e.attempt(),
                    e.nodeId().value(), e.caseId().value(), e.retryable(), e.timedOut());
        });
    }

    @EventHandler
    void on(AnalysisFailed e, MetaData meta) {
        afterCommit(meta, () -> {
            registry.counter("ipexpert.analyses", "outcome", "failed").increment();
            log.info("Analysis of node {} in case {} failed after {} attempts", e.nodeId().value(), e.caseId().value(), e.attempts());
        });
    }

    @EventHandler
    void on(DocumentUploaded e, MetaData meta) {
        afterCommit(meta, () -> {
            documentsUploaded.increment();
            log.info("Document {} uploaded by {}", e.docId().value(), meta.get(MessageProvenance.ACTOR));
        });
    }

    @EventHandler
    void on(DocumentParsed e, MetaData meta) {
        afterCommit(meta, () -> {
            pages.increment(Math.max(0, e.pageCount()));
            log.info("Document {} parsed: {} pages, {} chunks", e.docId().value(), e.pageCount(),
                    e.chunks() == null ? 0 : e.chunks().size());
        });
    }

    @EventHandler
    void on(DocumentIndexed e, MetaData meta) {
        afterCommit(meta, () -> {
            documentsIndexed.increment();
            log.info("Document {} indexed: {} chunks", e.docId().value(), e.chunkCount());
        });
    }

    @EventHandler
    void on(IngestionStepFailed e, MetaData meta) {
        afterCommit(meta, () -> {
            registry.counter("ipexpert.ingestion.failures", "step", String.valueOf(e.step()).toLowerCase(java.util.Locale.ROOT),
                    "final", "false").increment();
            log.info("Ingestion step {} of document {} failed (attempt {})", e.step(), e.docId().value(), e.attempt());
        });
    }

    @EventHandler
    void on(DocumentFailed e, MetaData meta) {
        afterCommit(meta, () -> {
            registry.counter("ipexpert.ingestion.failures", "step", String.valueOf(e.step()).toLowerCase(java.util.Locale.ROOT),
                    "final", "true").increment();
            log.info("Document {} failed at {}", e.docId().value(), e.step());
        });
    }

    @EventHandler
    void on(DocumentDeleted e, MetaData meta) {
        afterCommit(meta, () -> log.info("Document {} deleted by {}", e.docId().value(), meta.get(MessageProvenance.ACTOR)));
    }

    private void countTokens(Map<String, Object> metadata, String analyst) {
        Object tokens = metadata.get("tokens");
        if (tokens == null && metadata.get("trace") instanceof Map<?, ?> trace) tokens = trace.get("tokens");
        if (tokens instanceof Map<?, ?> t) {
            if (t.get("input") instanceof Number in) registry.counter("ipexpert.model.tokens", "direction", "input", "model", analyst).increment(in.doubleValue());
            if (t.get("output") instanceof Number out) registry.counter("ipexpert.model.tokens", "direction", "output", "model", analyst).increment(out.doubleValue());
        }
    }

    private void countModelFailures(Map<String, Object> metadata, String analyst) {
        Object calls = metadata.get("modelCalls");
        if (calls == null && metadata.get("trace") instanceof Map<?, ?> trace) calls = trace.get("modelCalls");
        if (calls instanceof List<?> list) {
            for (Object call : list) {
                registry.counter("ipexpert.model.calls", "model", analyst).increment();
                if (call instanceof Map<?, ?> c && c.get("failure") != null) {
                    registry.counter("ipexpert.model.failures", "model", analyst).increment();
                }
            }
        }
    }

    /** Counts and logs once the event is committed, with the trace id of the request that caused it. */
    private static void afterCommit(MetaData meta, Runnable action) {
        Runnable withTrace = () -> {
            Object trace = meta.get(MessageProvenance.TRACE_ID);
            String previous = MDC.get(RequestCorrelationFilter.MDC_KEY);
            if (trace != null) MDC.put(RequestCorrelationFilter.MDC_KEY, trace.toString());
            try {
                action.run();
            } finally {
                if (previous == null) MDC.remove(RequestCorrelationFilter.MDC_KEY); else MDC.put(RequestCorrelationFilter.MDC_KEY, previous);
            }
        };
        AfterCommit.run(withTrace);
    }
}
