package com.ipexpert.command.cases;

import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeCommands.ConcludeAnalysis;
import com.ipexpert.api.cases.NodeCommands.FailAnalysis;
import com.ipexpert.api.cases.NodeCommands.RecordAttemptFailure;
import com.ipexpert.api.cases.NodeCommands.RestartAnalysis;
import com.ipexpert.api.cases.NodeCommands.StartNextAttempt;
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
 * attempt cannot overwrite a newer one.
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

    @CommandHandler
    void handle(ConcludeAnalysis cmd) {
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

    @CommandHandler
    void handle(FailAnalysis cmd) {
        if (status != NodeStatus.PROCESSING) throw CaseRefusals.notProcessing(id);
        applyLinked(new AnalysisFailed(id, caseId, cmd.attempts(), cmd.reason(), cmd.failedAt()));
    }

    @CommandHandler
    void handle(RestartAnalysis cmd) {
        if (status != NodeStatus.FAILED) throw CaseRefusals.notFailed(id);
        applyLinked(new AnalysisRestarted(id, caseId, cmd.restartedAt()));
        applyLinked(new AnalysisAttemptStarted(id, caseId, attempt + 1, retrieval, cmd.restartedAt()));
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
        if (e.retrieval() != null) retrieval = e.retrieval();
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
