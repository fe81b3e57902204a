package com.ipexpert.command.agent;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalysisDecision.NeedMoreInformation;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.AnalystFailure;
import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.analyst.DraftSink;
import com.ipexpert.analyst.Evidence;
import com.ipexpert.edge.ratelimits.ModelCallBudget;
import com.ipexpert.api.agent.AgentCommands.PerformAnalysis;
import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseCommands.ConcludeAnalysis;
import com.ipexpert.api.cases.NodeCommands.ClaimAttempt;
import com.ipexpert.api.cases.NodeCommands.RecordAttemptFailure;
import com.ipexpert.edge.errors.DatabaseOutage;
import com.ipexpert.edge.errors.DomainErrors;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.edge.correlation.MessageProvenance;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs analysis steps off the command thread: rebuilds the case's conversation, retrieves evidence, asks the
 * analyst, and reports back to the node with a command. Acknowledges {@link PerformAnalysis} at once, so the
 * saga never waits on it; a lost step is caught by the saga's deadline. A step that leaves the queue first claims its
 * attempt from the node ({@link ClaimAttempt}), which starts the attempt's deadline and lets only one worker run it.
 * While the analyst writes, its draft goes to the case's watchers through {@link StepDrafts}; only the concluded
 * content is stored.
 */
public class AnalysisWorker {
    private static final Logger log = LoggerFactory.getLogger(AnalysisWorker.class);
    static final int EVIDENCE_LIMIT = 5;
    /** How often, and how far apart, a claim or a report is tried while the database is away (about 30 s in all). */
    static final int OUTAGE_TRIES = 15;
    static final long OUTAGE_PAUSE_MS = 2_000;
    /** What an LLM analyst's trace holds that a reader of the step wants first. */
    static final List<String> MODEL_TRACE_KEYS = List.of("model", "promptVersion", "tokens", "modelLatencyMs",
            "droppedCitations", "droppedCommands", "droppedQuestions", "fallback");

    private final CaseConversations conversations;
    private final KnowledgeRetrieval retrieval;
    private final Analyst analyst;
    private final StepDrafts drafts;
    private final CommandGateway commands;
    private final Executor executor;
    private final Clock clock;
    private final ModelCallBudget budget;
    private final Analyst offline;
    private final SimilarCaseLookup similarCases;
    /** The attempts this worker holds (queued or running), so an attempt sent again while it waits is not queued twice. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Set when the application stops ({@link AnalysisWorkerShutdown}): steps sent from then on are left to their queue checks. */
    private volatile boolean stopping;

    public AnalysisWorker(CaseConversations conversations, KnowledgeRetrieval retrieval, Analyst analyst, StepDrafts drafts,
                          CommandGateway commands, Executor executor, Clock clock) {
        this(conversations, retrieval, analyst, drafts, commands, executor, clock, ModelCallBudget.UNLIMITED, null);
    }

    /**
     * @param budget  each case owner's daily model calls, asked before a step when the analyst uses a model
     * @param offline the analyst that answers a step once its owner's budget is spent; null when no model is in use
     */
    public AnalysisWorker(CaseConversations conversations, KnowledgeRetrieval retrieval, Analyst analyst, StepDrafts drafts,
                          CommandGateway commands, Executor executor, Clock clock, ModelCallBudget budget, Analyst offline) {
        this(conversations, retrieval, analyst, drafts, commands, executor, clock, budget, offline, SimilarCaseLookup.NONE);
    }

    /** @param similarCases finds the earlier solved cases a step's node shows as evidence */
    public AnalysisWorker(CaseConversations conversations, KnowledgeRetrieval retrieval, Analyst analyst, StepDrafts drafts,
                          CommandGateway commands, Executor executor, Clock clock, ModelCallBudget budget, Analyst offline,
                          SimilarCaseLookup similarCases) {
        this.similarCases = similarCases;
        this.budget = budget;
        this.offline = offline;
        this.conversations = conversations;
        this.retrieval = retrieval;
        this.analyst = analyst;
        this.drafts = drafts;
        this.commands = commands;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * @return whether sending the attempt again soon would change nothing: this worker already held it (waiting in
     * its queue or running), or its queue is full and refused it. The saga's queue check then comes round less often;
     * a step refused by a full queue is taken when a later check finds room.
     */
    @CommandHandler
    public boolean handle(PerformAnalysis cmd, @MetaDataValue(MessageProvenance.TRACE_ID) String traceId) {
        // The step starts at once. What it reads (the case's events up to the attempt) was committed before the
        // attempt reached this worker: by the hand-off after the commit that stored it, or by the saga's queue check.
        // Should the same attempt arrive again (a queue check of a slow step), the node refuses the second claim.
        return submit(() -> run(cmd, traceId), cmd);
    }

    /**
     * Takes no more steps: the application is stopping. An attempt sent from now on, like one still queued, is left to
     * the saga's queue check, which sends it again after the next start.
     */
    void stopTakingSteps() {
        stopping = true;
    }

    /** Queues the step unless this worker holds it already; answers whether sending it again soon would change nothing. */
    private boolean submit(Runnable step, PerformAnalysis cmd) {
        if (stopping) {
            log.debug("Analysis step for node {} attempt {} is left for the next start: the application is stopping",
                    cmd.nodeId(), cmd.attempt());
            return false;
        }
        String key = keyOf(cmd);
        if (!held.add(key)) {
            log.debug("Analysis step for node {} attempt {} is already held by this worker", cmd.nodeId(), cmd.attempt());
            return true;
        }
        try {
            executor.execute(() -> {
                try {
                    if (claimed(cmd)) step.run();
                } finally {
                    held.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            held.remove(key);
            log.warn("Analysis step for node {} attempt {} was not accepted: the worker's queue is full; its queue check sends it again later",
                    cmd.nodeId(), cmd.attempt());
            return true;
        }
        return false;
    }

    private static String keyOf(PerformAnalysis cmd) {
        return cmd.nodeId().value() + "#" + cmd.attempt();
    }

    /**
     * Claims the attempt before running it: the node accepts one claim per attempt, so a step sent again (its queue
     * check found it unclaimed) runs once, and its deadline counts from now, not from when it was queued. An attempt
     * that ended or is run elsewhere is refused and skipped. While the database is away the claim is tried again for about
     * 30 s; after that the step is skipped and the saga's queue check sends it again.
     */
    private boolean claimed(PerformAnalysis cmd) {
        for (int tryNumber = 1; ; tryNumber++) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new ClaimAttempt(cmd.nodeId(), cmd.attempt(), clock.instant()))
                        .andMetaData(Map.of(MessageProvenance.ACTOR, MessageProvenance.AGENT)));
                return true;
            } catch (RuntimeException e) {
                // the database is away: this worker thread waits for it (every step behind it would fail the same way)
                if (!DatabaseOutage.isCause(e) || tryNumber >= OUTAGE_TRIES || !paused()) return refused(cmd, e);
            }
        }
    }

    private static boolean paused() {
        try {
            Thread.sleep(OUTAGE_PAUSE_MS);
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean refused(PerformAnalysis cmd, RuntimeException e) {
        if (DomainErrors.find(e).isPresent()) {
            log.debug("Analysis step for node {} attempt {} is not run: {}", cmd.nodeId(), cmd.attempt(), e.getMessage());
        } else {
            log.warn("Analysis step for node {} attempt {} could not be claimed ({}); its queue check sends it again",
                    cmd.nodeId(), cmd.attempt(), e.toString());
        }
        return false;
    }

    void run(PerformAnalysis cmd) {
        run(cmd, null);
    }

    /** Runs one step; its reports carry the trace id of the request that caused it, so the audit trail stays joined. */
    void run(PerformAnalysis cmd, String traceId) {
        long started = System.nanoTime();
        DraftSink draft = drafts.open(cmd);
        Retrieved retrieved = null;
        try {
            CaseConversation conversation = conversations.upTo(cmd.caseId(), cmd.nodeId());
            RetrievalSettings settings = cmd.retrieval() == null ? RetrievalSettings.defaults() : cmd.retrieval();
            String query = conversation.engineerText();
            long retrievalStarted = System.nanoTime();
            List<Evidence> evidence = retrieval.retrieve(query, null, settings, EVIDENCE_LIMIT);
            retrieved = new Retrieved(query, settings, evidence, (System.nanoTime() - retrievalStarted) / 1_000_000);
            // Over its owner's daily budget of model calls, the offline analyst answers the step, and the step says so.
            String owner = conversations.ownerOf(cmd.caseId());
            boolean budgetSpent = offline != null && !budget.tryUse(owner);
            Analyst answering = budgetSpent ? offline : analyst;
            AnalysisDecision decision = answering.analyse(conversation, evidence, draft);
            long latencyMs = (System.nanoTime() - started) / 1_000_000;
            Map<String, Object> metadata = metadataOf(answering, decision, retrieved, cmd.attempt(), latencyMs);
            // earlier solved cases like this one, which its owner may read, shown beside the passages as evidence
            metadata.put("similarCases", similarCases.similarTo(cmd.caseId(), owner, query, decision.category(), decision.vendor()));
            if (budgetSpent) {
                metadata.put("modelBudget", "spent: the case owner's model calls for today are used up, so the offline analyst answered");
            }
            send(traceId, new ConcludeAnalysis(cmd.caseId(), cmd.nodeId(), cmd.attempt(),
                    decision instanceof NeedMoreInformation ? AnalysisOutcome.CLARIFICATION : AnalysisOutcome.SOLUTION,
                    contentOf(decision, retrieved, retrieval), metadata,
                    decision.category(), decision.vendor(), clock.instant()));
        } catch (AnalystFailure e) {
            // The analyst knows whether another attempt can help: a refused request or key fails the node at once.
            log.warn("Analysis step for node {} attempt {} failed ({}): {}", cmd.nodeId(), cmd.attempt(),
                    e.retryable() ? "retryable" : "not retryable", e.getMessage());
            send(traceId, new RecordAttemptFailure(cmd.nodeId(), cmd.attempt(), e.getMessage(), e.retryable(), false,
                    clock.instant(), failureRecord(retrieved, e.trace(), cmd.attempt(), started)));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // Anything the step throws is a failed attempt, recorded; only a dying JVM is left to the deadline.
            log.warn("Analysis step for node {} attempt {} failed: {}", cmd.nodeId(), cmd.attempt(), e.toString());
            send(traceId, new RecordAttemptFailure(cmd.nodeId(), cmd.attempt(), readable(e), true, false, clock.instant(),
                    failureRecord(retrieved, Map.of(), cmd.attempt(), started)));
        } finally {
            drafts.close(cmd, draft);
        }
    }

    /** What the step retrieved, and with which query and settings: the record an auditor reads first. */
    private record Retrieved(String query, RetrievalSettings settings, List<Evidence> evidence, long latencyMs) {
    }

    private void send(String traceId, Object command) {
        send(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(traceId == null ? Map.of(MessageProvenance.ACTOR, MessageProvenance.AGENT)
                        : Map.of(MessageProvenance.ACTOR, MessageProvenance.AGENT, MessageProvenance.TRACE_ID, traceId)), 1);
    }

    /**
     * Sends the step's report. While the database is away the report is sent again every couple of seconds for up to
     * {@link #OUTAGE_TRIES} tries, so a step finished during a database restart is not lost to wait for its deadline; a
     * report the node refuses (the attempt ended meanwhile, or the first send did commit) is only logged.
     */
    private void send(org.axonframework.commandhandling.CommandMessage<?> message, int tryNumber) {
        commands.send(message).exceptionally(e -> {
            if (DatabaseOutage.isCause(e) && tryNumber < OUTAGE_TRIES) {
                CompletableFuture.delayedExecutor(OUTAGE_PAUSE_MS, TimeUnit.MILLISECONDS).execute(() -> send(message, tryNumber + 1));
            } else {
                log.info("Node refused the step's report ({}): {}", message.getPayloadType().getSimpleName(), e.getMessage());
            }
            return null;
        });
    }

    static Map<String, Object> contentOf(AnalysisDecision decision, Retrieved retrieved, KnowledgeRetrieval retrieval) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (decision instanceof NeedMoreInformation need) {
            content.put("analysis", need.analysis());
            content.put("suggestedQuestions", need.suggestedQuestions());
        } else if (decision instanceof ProposedSolution solution) {
            content.put("answer", solution.answer());
            List<Map<String, Object>> sources = new ArrayList<>();
            for (AnalysisDecision.Source s : solution.sources()) {
                // Checked now, not when retrieved: a passage deleted or hidden while the step ran is not cited.
                Evidence evidence = retrieved == null ? null : retrieved.evidence().stream()
                        .filter(e -> e.chunkId().equals(s.chunkId())).findFirst().orElse(null);
                Optional<Map<String, Object>> location = evidence == null
                        ? Optional.of(Map.<String, Object>of("section", s.location() == null ? "" : s.location()))
                        : retrieval.citation(evidence);
                if (location.isEmpty()) continue;
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("chunkId", s.chunkId());
                source.put("docId", s.docId());
                source.put("fileName", s.fileName());
                source.put("location", location.get());
                source.put("score", s.score());
                sources.add(source);
            }
            content.put("sources", sources);
            content.put("commands", solution.commands());
        }
        return content;
    }

    /** What a failed attempt had done: the analyst, its retrieval if it got that far, and what its model calls cost. */
    private Map<String, Object> failureRecord(Retrieved retrieved, Map<String, Object> analystTrace, int attempt, long started) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("analyst", analyst.name());
        record.put("analystVersion", analyst.version());
        record.put("attempt", attempt);
        record.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        if (retrieved != null) {
            record.put("retrieval", retrievalOf(retrieved));
            record.put("evidence", evidenceOf(retrieved));
        }
        record.putAll(analystTrace);
        return record;
    }

    private static Map<String, Object> retrievalOf(Retrieved retrieved) {
        Map<String, Object> retrieval = new LinkedHashMap<>();
        retrieval.put("query", retrieved.query());
        retrieval.put("weight", retrieved.settings().weight());
        retrieval.put("filterTags", retrieved.settings().filterTags());
        retrieval.put("limit", EVIDENCE_LIMIT);
        retrieval.put("latencyMs", retrieved.latencyMs());
        return retrieval;
    }

    private static List<Map<String, Object>> evidenceOf(Retrieved retrieved) {
        return retrieved.evidence().stream()
                .map(e -> Map.<String, Object>of("chunkId", e.chunkId(), "docId", e.docId() == null ? "" : e.docId(),
                        "score", e.score())).toList();
    }

    private static Map<String, Object> metadataOf(Analyst analyst, AnalysisDecision decision, Retrieved retrieved, int attempt,
                                                  long latencyMs) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("category", decision.category());
        metadata.put("vendor", decision.vendor());
        metadata.put("analyst", analyst.name());
        metadata.put("analystVersion", analyst.version());
        metadata.put("decision", decision instanceof NeedMoreInformation ? "clarify" : "solution");
        Map<String, Object> trace = decision.trace() == null ? Map.of() : decision.trace();
        // A model's step says at the top which model and prompt answered, what it cost and what was dropped.
        for (String key : MODEL_TRACE_KEYS) {
            if (trace.containsKey(key)) metadata.put(key, trace.get(key));
        }
        metadata.put("attempt", attempt);
        metadata.put("latencyMs", latencyMs);
        metadata.put("retrieval", retrievalOf(retrieved));
        metadata.put("evidence", evidenceOf(retrieved));
        metadata.put("trace", trace);
        return metadata;
    }

    private static String readable(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
