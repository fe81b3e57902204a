package com.ipexpert.command.agent;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.ipexpert.api.agent.AgentCommands.PerformAnalysis;
import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseCommands.RecordAnalysisOutcome;
import com.ipexpert.api.cases.CaseEvents.AnalysisRetryRequested;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeCommands.FailAnalysis;
import com.ipexpert.api.cases.NodeCommands.RecordAttemptFailure;
import com.ipexpert.api.cases.NodeCommands.RestartAnalysis;
import com.ipexpert.api.cases.NodeCommands.StartNextAttempt;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptFailed;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptStarted;
import com.ipexpert.api.cases.NodeEvents.AnalysisConcluded;
import com.ipexpert.api.cases.NodeEvents.AnalysisFailed;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.NodeType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Drives the analysis of one {@code AI_ANALYSIS} node: runs each attempt through the worker, gives it a deadline,
 * retries with backoff, fails the node after the last attempt, and tells the case how the analysis ended.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY) // stored as JSON without getters
@ProcessingGroup(AgentSaga.PROCESSING_GROUP)
public class AgentSaga {
    public static final String PROCESSING_GROUP = "agent-saga";
    static final String NODE = "nodeId";
    static final String TIMEOUT = "analysis-timeout";
    static final String RETRY = "analysis-retry";

    private NodeId nodeId;
    private CaseId caseId;
    private int attemptsThisRun;
    private String timeoutId;

    @StartSaga
    @SagaEventHandler(associationProperty = NODE)
    void on(AnalysisAttemptStarted e, CommandGateway commands, DeadlineManager deadlines, AgentSettings settings) {
        nodeId = e.nodeId();
        caseId = e.caseId();
        attemptsThisRun++;
        cancelTimeout(deadlines);
        timeoutId = deadlines.schedule(settings.stepTimeout(), TIMEOUT, e.attempt());
        commands.send(new PerformAnalysis(e.nodeId(), e.caseId(), e.attempt(), e.retrieval()));
    }

    @SagaEventHandler(associationProperty = NODE)
    void on(AnalysisAttemptFailed e, CommandGateway commands, DeadlineManager deadlines, AgentSettings settings,
            Clock clock) {
        cancelTimeout(deadlines);
        if (!e.retryable() || attemptsThisRun >= settings.maxAttempts()) {
            commands.send(new FailAnalysis(nodeId, attemptsThisRun,
                    "The analysis failed after " + attemptsThisRun + " attempt(s): " + e.reason(), clock.instant()));
        } else {
            deadlines.schedule(settings.backoffBefore(e.attempt() + 1), RETRY, e.attempt() + 1);
        }
    }

    @DeadlineHandler(deadlineName = TIMEOUT)
    void onTimeout(Integer attempt, CommandGateway commands, AgentSettings settings, Clock clock) {
        timeoutId = null;
        commands.send(new RecordAttemptFailure(nodeId, attempt,
                "the analysis step did not finish within " + settings.stepTimeout().toSeconds() + " s", true, true,
                clock.instant(), Map.of("stepTimeoutMs", settings.stepTimeout().toMillis())));
    }

    @DeadlineHandler(deadlineName = RETRY)
    void onRetry(Integer attempt, CommandGateway commands, Clock clock) {
        commands.send(new StartNextAttempt(nodeId, attempt, clock.instant()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = NODE)
    void on(AnalysisConcluded e, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        cancelTimeout(deadlines);
        deadlines.cancelAllWithinScope(RETRY);
        AnalysisOutcome outcome = e.type() == NodeType.AI_CLARIFICATION ? AnalysisOutcome.CLARIFICATION : AnalysisOutcome.SOLUTION;
        Map<String, Object> content = e.content() == null ? Map.of() : e.content();
        String summary = String.valueOf(content.getOrDefault(outcome == AnalysisOutcome.CLARIFICATION ? "analysis" : "answer", ""));
        commands.send(new RecordAnalysisOutcome(e.caseId(), e.nodeId(), outcome, e.category(), e.vendor(), summary,
                questionsIn(content), clock.instant()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = NODE)
    void on(AnalysisFailed e, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        cancelTimeout(deadlines);
        deadlines.cancelAllWithinScope(RETRY);
        commands.send(new RecordAnalysisOutcome(e.caseId(), e.nodeId(), AnalysisOutcome.FAILED, null, null,
                e.reason(), List.of(), clock.instant()));
    }

    /** The engineer asked to retry a FAILED node: a new run starts with a fresh count of attempts. */
    @StartSaga
    @SagaEventHandler(associationProperty = "analysisNode", keyName = NODE)
    void on(AnalysisRetryRequested e, CommandGateway commands, Clock clock) {
        nodeId = e.analysisNode();
        caseId = e.caseId();
        attemptsThisRun = 0;
        commands.send(new RestartAnalysis(e.analysisNode(), clock.instant()));
    }

    private void cancelTimeout(DeadlineManager deadlines) {
        if (timeoutId != null) {
            deadlines.cancelSchedule(TIMEOUT, timeoutId);
            timeoutId = null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> questionsIn(Map<String, Object> content) {
        Object questions = content.get("suggestedQuestions");
        if (questions instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        return List.of();
    }
}
