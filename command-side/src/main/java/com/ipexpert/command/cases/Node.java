package com.ipexpert.command.cases;

import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CaseCommands.ConcludeAnalysis;
import com.ipexpert.api.cases.CaseCommands.FailAnalysis;
import com.ipexpert.api.cases.NodeCommands.ClaimAttempt;
import com.ipexpert.api.cases.NodeCommands.RecordAttemptFailure;
import com.ipexpert.api.cases.NodeCommands.StartNextAttempt;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptClaimed;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptFailed;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptStarted;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import com.ipexpert.api.cases.NodeEvents.AnalysisFailed;
import com.ipexpert.api.cases.NodeEvents.AnalysisRestarted;
import com.ipexpert.api.cases.NodeEvents.NodeCreated;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.api.errors.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import com.ipexpert.command.audit.EventChain;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Map;


/**
 * One node of a case graph: owns its type, status and content. An {@code AI_ANALYSIS} node also owns the
 * attempts of its analysis; only the current attempt may conclude it, so a late answer of a timed-out
 * attempt cannot overwrite a newer one. Its case concludes, fails and restarts it (loading it in the case's own unit
 * of work), so the case and the node never disagree about how an analysis ended.
 */
@Aggregate(cache = "aggregateCache")
class Node {
    /** Links each event to the previous one, so a changed stored event shows (see the audit verify endpoint). */
    @AggregateMember
    private final EventChain chain = new EventChain();
    @AggregateIdentifier
    private NodeId id;
    private CaseId caseId;
    private NodeType type;
    private NodeStatus status;
    private int attempt;
    private boolean attemptRunning;
    /** A worker has taken the current attempt up (it no longer waits in a queue). */
    private boolean attemptClaimed;
    private RetrievalSettings retrieval;

    protected Node() {
        // for Axon
    }

    /** Created by its case, in the same unit of work as the case event that adds it to the graph. */
    Node(NodeId id, CaseId caseId, NodeType type, NodeStatus status, Map<String, Object> content,
         RetrievalSettings retrieval, Instant at) {
        applyLinked(new NodeCreated(id, caseId, type, status, content, at));
        if (type == NodeType.AI_ANALYSIS) {
            applyLinked(new AnalysisAttemptStarted(id, caseId, 1,
                    retrieval == null ? RetrievalSettings.defaults() : retrieval, at));
        }
    }

    /** Concludes the current attempt; called by the case, which records the outcome in the same unit of work. */
    void conclude(ConcludeAnalysis cmd) {
        mustBeCurrentAttempt(cmd.attempt());
        if (cmd.outcome() == AnalysisOutcome.FAILED) {
            throw DomainException.invalid("An analysis concludes as a clarification or a solution; failures are recorded as such");
        }
        boolean clarification = cmd.outcome() == AnalysisOutcome.CLARIFICATION;
        applyLinked(new AnalysisConcluded(id, caseId, cmd.attempt(),
                clarification ? NodeType.AI_CLARIFICATION : NodeType.SOLUTION,
                clarification ? NodeStatus.AWAITING_USER_INPUT : NodeStatus.COMPLETED,
                cmd.content(), cmd.metadata(), cmd.category(), cmd.vendor(), cmd.concludedAt()));
    }

    @CommandHandler
    void handle(ClaimAttempt cmd) {
        mustBeCurrentAttempt(cmd.attempt());
        if (attemptClaimed) throw CaseRefusals.attemptAlreadyClaimed(id, cmd.attempt());
        applyLinked(new AnalysisAttemptClaimed(id, caseId, cmd.attempt(), cmd.claimedAt()));
    }

    @CommandHandler
    void handle(RecordAttemptFailure cmd) {
        mustBeCurrentAttempt(cmd.attempt());
        applyLinked(new AnalysisAttemptFailed(id, caseId, cmd.attempt(), cmd.reason(), cmd.retryable(), cmd.timedOut(),
                cmd.failedAt(), cmd.record()));
    }

    @CommandHandler
    void handle(StartNextAttempt cmd) {
        if (status != NodeStatus.PROCESSING) throw CaseRefusals.notProcessing(id);
        if (attemptRunning || cmd.attempt() != attempt + 1) throw CaseRefusals.staleAttempt(id, cmd.attempt(), attempt);
        applyLinked(new AnalysisAttemptStarted(id, caseId, cmd.attempt(), retrieval, cmd.startedAt()));
    }

    /** The last attempt failed; called by the case, which records the failure in the same unit of work. */
    void fail(FailAnalysis cmd) {
        if (status != NodeStatus.PROCESSING) throw CaseRefusals.notProcessing(id);
        applyLinked(new AnalysisFailed(id, caseId, cmd.attempts(), cmd.reason(), cmd.failedAt()));
    }

    /** A FAILED node starts again, on the engineer's request, in the case's unit of work. */
    void restart(Instant at) {
        if (status != NodeStatus.FAILED) throw CaseRefusals.notFailed(id);
        applyLinked(new AnalysisRestarted(id, caseId, at));
        applyLinked(new AnalysisAttemptStarted(id, caseId, attempt + 1, retrieval, at));
    }

    NodeStatus status() {
        return status;
    }

    private void mustBeCurrentAttempt(int given) {
        if (status != NodeStatus.PROCESSING) throw CaseRefusals.notProcessing(id);
        if (!attemptRunning || given != attempt) throw CaseRefusals.staleAttempt(id, given, attempt);
    }

    /** Applies an event linked into this aggregate's tamper-evident chain. */
    private void applyLinked(Object event) {
        AggregateLifecycle.apply(event, chain.linkFor(event));
    }

    @EventSourcingHandler
    void on(NodeCreated e) {
        id = e.nodeId();
        caseId = e.caseId();
        type = e.type();
        status = e.status();
    }

    @EventSourcingHandler
    void on(AnalysisAttemptStarted e) {
        attempt = e.attempt();
        attemptRunning = true;
        attemptClaimed = false;
        if (e.retrieval() != null) retrieval = e.retrieval();
    }

    @EventSourcingHandler
    void on(AnalysisAttemptClaimed e) {
        attemptClaimed = true;
    }

    @EventSourcingHandler
    void on(AnalysisAttemptFailed e) {
        attemptRunning = false;
    }

    @EventSourcingHandler
    void on(AnalysisConcluded e) {
        type = e.type();
        status = e.status();
        attemptRunning = false;
    }

    @EventSourcingHandler
    void on(AnalysisFailed e) {
        status = NodeStatus.FAILED;
        attemptRunning = false;
    }

    @EventSourcingHandler
    void on(AnalysisRestarted e) {
        status = NodeStatus.PROCESSING;
    }
}
