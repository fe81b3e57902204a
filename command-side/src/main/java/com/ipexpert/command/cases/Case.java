package com.ipexpert.command.cases;

import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseCommands.AnswerClarification;
import com.ipexpert.api.cases.CaseCommands.CloseCase;
import com.ipexpert.api.cases.CaseCommands.ConcludeAnalysis;
import com.ipexpert.api.cases.CaseCommands.FailAnalysis;
import com.ipexpert.api.cases.CaseCommands.GiveFeedback;
import com.ipexpert.api.cases.CaseCommands.OpenCase;
import com.ipexpert.api.cases.CaseCommands.RecordCorrectionNotPublished;
import com.ipexpert.api.cases.CaseCommands.ReopenCase;
import com.ipexpert.api.cases.CaseCommands.RetryAnalysis;
import com.ipexpert.api.cases.CaseCommands.ReviewFeedback;
import com.ipexpert.api.cases.CaseEvents.AnalysisOutcomeRecorded;
import com.ipexpert.api.cases.CaseEvents.AnalysisRetryRequested;
import com.ipexpert.api.cases.CaseEvents.CaseClosed;
import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseEvents.CaseReopened;
import com.ipexpert.api.cases.CaseEvents.CaseSolved;
import com.ipexpert.api.cases.CaseEvents.ClarificationAnswered;
import com.ipexpert.api.cases.CaseEvents.CorrectionNotPublished;
import com.ipexpert.api.cases.CaseEvents.FeedbackGiven;
import com.ipexpert.api.cases.CaseEvents.FeedbackReviewed;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CaseStatus;
import com.ipexpert.api.cases.FeedbackOutcome;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.api.cases.ReviewDecision;
import com.ipexpert.api.identity.Requester;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import com.ipexpert.command.audit.EventChain;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A diagnosis case: owns the shape of its graph (which nodes exist, which analysis nodes are running or ended,
 * which node awaits the engineer) and who may change it. Creates its nodes; the nodes own their content.
 */
@Aggregate(cache = "aggregateCache")
class Case {
    static final int MAX_QUERY_LENGTH = 10_000;
    static final int TITLE_LENGTH = 100;

    /** Links each event to the previous one, so a changed stored event shows (see the audit verify endpoint). */
    @AggregateMember
    private final EventChain chain = new EventChain();
    @AggregateIdentifier
    private CaseId id;
    private String owner;
    private CaseStatus status;
    private NodeId awaitingInput;
    /** The analysis node whose solution was proposed last; an interaction on it goes on with the case. */
    private NodeId lastSolution;
    /** Analysis nodes and how they ended; null while running. */
    private Map<NodeId, AnalysisOutcome> analyses = new HashMap<>();
    /** Feedback given on this case and its review decision; null while pending. */
    private Map<String, ReviewDecision> feedback = new HashMap<>();

    protected Case() {
        // for Axon
    }

    @CommandHandler
    Case(OpenCase cmd) {
        String query = cmd.query() == null ? "" : cmd.query().strip();
        if (query.isEmpty()) throw CaseRefusals.emptyQuery();
        if (query.length() > MAX_QUERY_LENGTH) throw CaseRefusals.queryTooLong(MAX_QUERY_LENGTH);
        applyLinked(new CaseOpened(cmd.caseId(), cmd.requester().userId(), titleOf(query), query,
                cmd.attachments() == null ? List.of() : List.copyOf(cmd.attachments()), cmd.queryNode(),
                cmd.analysisNode(), cmd.retrieval(), cmd.openedAt()));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("text", query);
        content.put("attachments", cmd.attachments() == null ? List.of() : cmd.attachments());
        spawn(() -> new Node(cmd.queryNode(), cmd.caseId(), NodeType.USER_QUERY, NodeStatus.COMPLETED,
                content, null, cmd.openedAt()));
        spawn(() -> new Node(cmd.analysisNode(), cmd.caseId(), NodeType.AI_ANALYSIS,
                NodeStatus.PROCESSING, null, cmd.retrieval(), cmd.openedAt()));
    }

    /**
     * An answer to the node awaiting input, or a report on the last proposed solution: either way a response node and a
     * new analysis step join the graph.
     */
    @CommandHandler
    void handle(AnswerClarification cmd) {
        mustBeVisibleTo(cmd.requester(), false);
        if (status == CaseStatus.CLOSED) throw CaseRefusals.caseClosed(id);
        if (!analyses.containsKey(cmd.parentNode())) {
            throw CaseRefusals.nodeNotInCase(cmd.parentNode());
        }
        boolean onSolution = cmd.parentNode().equals(lastSolution) && noAnalysisRunning();
        if (!cmd.parentNode().equals(awaitingInput) && !onSolution) throw CaseRefusals.notAwaitingInput(cmd.parentNode());
        if (onSolution && status == CaseStatus.SOLVED) throw CaseRefusals.solved(id);
        if (cmd.response() == null || cmd.response().isEmpty()) throw CaseRefusals.emptyResponse();
        continueWith(cmd.requester().userId(), cmd.parentNode(), cmd.responseNode(), cmd.analysisNode(), cmd.response(),
                cmd.retrieval(), cmd.answeredAt());
    }

    private void continueWith(String by, NodeId parent, NodeId responseNode, NodeId analysisNode,
                              Map<String, Object> response, RetrievalSettings retrieval, Instant at) {
        applyLinked(new ClarificationAnswered(id, by, parent, responseNode, analysisNode, response, retrieval, at));
        spawn(() -> new Node(responseNode, id, NodeType.USER_RESPONSE, NodeStatus.COMPLETED, response, null, at));
        spawn(() -> new Node(analysisNode, id, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, null, retrieval, at));
    }

    private boolean noAnalysisRunning() {
        return !analyses.containsValue(null);
    }

    /** The owner goes on with a solved or closed case. */
    @CommandHandler
    void handle(ReopenCase cmd) {
        if (!owner.equals(cmd.requester().userId())) throw CaseRefusals.caseNotFound(id);
        if (status == CaseStatus.OPEN) throw CaseRefusals.alreadyOpen(id);
        applyLinked(new CaseReopened(id, cmd.requester().userId(), cmd.reopenedAt()));
    }

    /**
     * An attempt's result: the node concludes and the case records the outcome in this one unit of work, so the moment
     * a clarification is shown it can be answered. A stale attempt is refused by the node, and nothing is stored.
     */
    @CommandHandler
    void handle(ConcludeAnalysis cmd, CaseNodes nodes) {
        mustBeRunning(cmd.analysisNode());
        nodes.change(cmd.analysisNode(), node -> node.conclude(cmd));
        Map<String, Object> content = cmd.content() == null ? Map.of() : cmd.content();
        boolean clarification = cmd.outcome() == AnalysisOutcome.CLARIFICATION;
        applyLinked(new AnalysisOutcomeRecorded(id, cmd.analysisNode(), cmd.outcome(), cmd.category(), cmd.vendor(),
                String.valueOf(content.getOrDefault(clarification ? "analysis" : "answer", "")),
                clarification ? questionsIn(content) : List.of(), cmd.concludedAt()));
    }

    /** The last attempt failed: the node fails and the case records it, together. */
    @CommandHandler
    void handle(FailAnalysis cmd, CaseNodes nodes) {
        mustBeRunning(cmd.analysisNode());
        nodes.change(cmd.analysisNode(), node -> node.fail(cmd));
        applyLinked(new AnalysisOutcomeRecorded(id, cmd.analysisNode(), AnalysisOutcome.FAILED, null, null, cmd.reason(),
                List.of(), cmd.failedAt()));
    }

    @CommandHandler
    void handle(RetryAnalysis cmd, CaseNodes nodes) {
        mustBeVisibleTo(cmd.requester(), true);
        if (status == CaseStatus.CLOSED) throw CaseRefusals.caseClosed(id);
        if (!analyses.containsKey(cmd.analysisNode())) throw CaseRefusals.nodeNotInCase(cmd.analysisNode());
        if (analyses.get(cmd.analysisNode()) != AnalysisOutcome.FAILED) throw CaseRefusals.notFailed(cmd.analysisNode());
        applyLinked(new AnalysisRetryRequested(id, cmd.analysisNode(), cmd.requester().userId(), cmd.requestedAt()));
        nodes.change(cmd.analysisNode(), node -> node.restart(cmd.requestedAt()));
    }

    /** @return the new analysis node when "unsolved" feedback with a comment went on with the case, else null */
    @CommandHandler
    NodeId handle(GiveFeedback cmd) {
        if (!owner.equals(cmd.requester().userId())) {
            if (cmd.requester().isAdmin()) throw CaseRefusals.onlyOwnerGivesFeedback();
            throw CaseRefusals.caseNotFound(id);
        }
        if (cmd.outcome() == null) throw CaseRefusals.outcomeRequired();
        applyLinked(new FeedbackGiven(id, cmd.feedbackId(), cmd.requester().userId(), cmd.outcome(), cmd.comment(),
                cmd.correctedSolution(), cmd.givenAt()));
        if (cmd.outcome() == FeedbackOutcome.SOLVED && status == CaseStatus.OPEN) {
            applyLinked(new CaseSolved(id, cmd.givenAt()));
        }
        // "Unsolved, and here is why" on a proposed solution goes on with the case, as a report on that solution would.
        if (cmd.outcome() == FeedbackOutcome.UNSOLVED && cmd.comment() != null && !cmd.comment().isBlank()
                && status == CaseStatus.OPEN && lastSolution != null && noAnalysisRunning()
                && cmd.responseNode() != null && cmd.analysisNode() != null) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("text", cmd.comment().strip());
            response.put("feedbackId", cmd.feedbackId());
            continueWith(cmd.requester().userId(), lastSolution, cmd.responseNode(), cmd.analysisNode(), response,
                    RetrievalSettings.defaults(), cmd.givenAt());
            return cmd.analysisNode();
        }
        return null;
    }

    /** Feedback belongs to the case it was given on, so its review is decided here, once, next to it. */
    @CommandHandler
    void handle(ReviewFeedback cmd) {
        if (!cmd.requester().isAdmin()) throw CaseRefusals.onlyAdminsReview();
        if (!feedback.containsKey(cmd.feedbackId())) throw CaseRefusals.feedbackNotFound(cmd.feedbackId());
        if (cmd.decision() == null) throw CaseRefusals.decisionRequired();
        ReviewDecision earlier = feedback.get(cmd.feedbackId());
        if (earlier != null) throw CaseRefusals.alreadyReviewed(cmd.feedbackId(), earlier);
        applyLinked(new FeedbackReviewed(id, cmd.feedbackId(), cmd.requester().userId(), cmd.decision(), cmd.comment(),
                cmd.reviewedAt()));
    }

    /** An approved correction that could not be published leaves its reason in the case's history. */
    @CommandHandler
    void handle(RecordCorrectionNotPublished cmd) {
        if (feedback.get(cmd.feedbackId()) != ReviewDecision.APPROVE) throw CaseRefusals.feedbackNotFound(cmd.feedbackId());
        applyLinked(new CorrectionNotPublished(id, cmd.feedbackId(), cmd.reason(), cmd.failedAt()));
    }

    @CommandHandler
    void handle(CloseCase cmd) {
        mustBeVisibleTo(cmd.requester(), true);
        if (status == CaseStatus.CLOSED) throw CaseRefusals.caseClosed(id);
        applyLinked(new CaseClosed(id, cmd.requester().userId(), cmd.closedAt()));
    }

    private void mustBeRunning(NodeId analysisNode) {
        if (!analyses.containsKey(analysisNode)) throw CaseRefusals.nodeNotInCase(analysisNode);
        if (analyses.get(analysisNode) != null) throw CaseRefusals.notProcessing(analysisNode);
    }

    private static List<String> questionsIn(Map<String, Object> content) {
        Object questions = content.get("suggestedQuestions");
        if (questions instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        return List.of();
    }

    /** Adds a node aggregate in this unit of work, so the case event and its nodes are stored together. */
    private static void spawn(java.util.concurrent.Callable<Node> node) {
        try {
            createNew(Node.class, node);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("A node of the case could not be created", e);
        }
    }

    /** Another user's case does not exist for the requester; admins see every case where {@code adminToo}. */
    private void mustBeVisibleTo(Requester requester, boolean adminToo) {
        boolean owns = owner.equals(requester.userId());
        if (!owns && !(adminToo && requester.isAdmin())) throw CaseRefusals.caseNotFound(id);
    }

    static String titleOf(String query) {
        return query.length() <= TITLE_LENGTH ? query : query.substring(0, TITLE_LENGTH) + "...";
    }

    /** Applies an event linked into this aggregate's tamper-evident chain. */
    private void applyLinked(Object event) {
        AggregateLifecycle.apply(event, chain.linkFor(event));
    }

    @EventSourcingHandler
    void on(CaseOpened e) {
        id = e.caseId();
        owner = e.owner();
        status = CaseStatus.OPEN;
        analyses.put(e.analysisNode(), null);
    }

    @EventSourcingHandler
    void on(ClarificationAnswered e) {
        awaitingInput = null;
        analyses.put(e.analysisNode(), null);
    }

    @EventSourcingHandler
    void on(AnalysisOutcomeRecorded e) {
        analyses.put(e.analysisNode(), e.outcome());
        if (e.outcome() == AnalysisOutcome.CLARIFICATION) awaitingInput = e.analysisNode();
        if (e.outcome() == AnalysisOutcome.SOLUTION) lastSolution = e.analysisNode();
    }

    @EventSourcingHandler
    void on(CaseReopened e) {
        status = CaseStatus.OPEN;
    }

    @EventSourcingHandler
    void on(AnalysisRetryRequested e) {
        analyses.put(e.analysisNode(), null);
    }

    @EventSourcingHandler
    void on(FeedbackGiven e) {
        feedback.put(e.feedbackId(), null);
    }

    @EventSourcingHandler
    void on(FeedbackReviewed e) {
        feedback.put(e.feedbackId(), e.decision());
    }

    @EventSourcingHandler
    void on(CaseSolved e) {
        status = CaseStatus.SOLVED;
    }

    @EventSourcingHandler
    void on(CaseClosed e) {
        status = CaseStatus.CLOSED; // what awaited input awaits it again once the case is reopened
    }
}
