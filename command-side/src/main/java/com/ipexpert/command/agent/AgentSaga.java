package com.ipexpert.command.agent;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.ipexpert.api.agent.AgentCommands.PerformAnalysis;
import com.ipexpert.api.cases.CaseCommands.FailAnalysis;
import com.ipexpert.api.cases.CaseEvents.AnalysisOutcomeRecorded;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeCommands.RecordAttemptFailure;
import com.ipexpert.api.cases.NodeCommands.StartNextAttempt;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptClaimed;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptFailed;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptStarted;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.edge.errors.DomainErrors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.Map;

/**
 * Drives the analysis of one {@code AI_ANALYSIS} node: runs each attempt through the worker, gives it a deadline,
 * retries with backoff, and fails the analysis (through its case) after the last attempt. A run starts with the node's
 * first attempt or with the restart of a failed node; it ends once the case has recorded how the analysis ended.
 * <p>
 * One deadline watches each attempt, from its start: the watch. The process that stored an attempt hands it to its own
 * worker once it is committed ({@link AttemptHandOff}); the saga does not send it again then. The watch fires one step
 * timeout after the attempt started:
 * <ul>
 *   <li>a worker has claimed the attempt: the step has the step timeout from its claim, not from its start (time in
 *       the queue does not count), so the watch fails the attempt if that has passed and otherwise fires again when
 *       it will have;</li>
 *   <li>no worker has claimed it: it is waiting in the queue, or it was lost with a process that died before or after
 *       the hand-off. The watch sends it again (a worker that still holds it ignores the repeat, and the node lets only
 *       one worker claim it) and fires again later; a queued step is never failed for waiting. Each check that finds
 *       the attempt still held by a worker, or the worker's queue full, waits twice as long before the next one, up to
 *       {@link #LONGEST_QUEUE_CHECK}: a long queue is not polled every step timeout while it drains;</li>
 *   <li>the attempt has ended, or a later one has started: nothing is left to do.</li>
 * </ul>
 * A watch is never cancelled: db-scheduler refuses to cancel a deadline while it fires, which would fail the saga's
 * batch; left alone it finds nothing to do, or finds the saga ended. A step therefore costs the deadline store one
 * schedule; a claim and an outcome cost it nothing, unless the claim comes while the queue checks are backed off.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY) // stored as JSON without getters
@ProcessingGroup(AgentSaga.PROCESSING_GROUP)
public class AgentSaga {
    public static final String PROCESSING_GROUP = "agent-saga";
    static final String NODE = "nodeId";
    static final String WATCH = "analysis-watch";
    static final String RETRY = "analysis-retry";
    /** The step deadline an earlier version scheduled at each claim; such deadlines may still be stored. */
    static final String TIMEOUT = "analysis-timeout";
    /** The queue check an earlier version scheduled at each start; such deadlines may still be stored, and act as a watch. */
    static final String QUEUED = "analysis-queued";
    /**
     * How much later than a claimed step's end its watch may fire and still be left as it is: the saga schedules the
     * watch when it reads the attempt's start, which is often after the worker claimed it.
     */
    static final Duration WATCH_SLACK = Duration.ofSeconds(1);
    /** The longest wait between two queue checks of an attempt a worker holds (never shorter than the step timeout). */
    static final Duration LONGEST_QUEUE_CHECK = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(AgentSaga.class);

    private NodeId nodeId;
    private CaseId caseId;
    private int attemptsThisRun;
    /** The attempt this run started with: attempts are counted from it, so an event handled twice counts once. */
    private Integer firstAttempt;
    /** A step deadline an earlier version scheduled; cancelled if it is still there when the attempt ends. */
    private String timeoutId;
    /**
     * The scheduled retry, cancelled by its id when the saga ends: cancelling "every retry of this saga" makes the
     * deadline store read and deserialize every scheduled deadline of every case, at each analysis that ends.
     * Null when none is scheduled (and in a saga stored before it was kept; such a retry fires and is refused).
     */
    private String retryId;
    /** The attempt sent to the worker; null in a saga stored before it was kept. */
    private Integer currentAttempt;
    private RetrievalSettings retrieval;
    /** The attempt a worker has claimed (its deadline now counts the running step); null until then. */
    private Integer claimedAttempt;
    /** When the worker claimed it, on the clock that stamped the claim; null until then, and in a saga stored before. */
    private Instant claimedAt;
    /** The last attempt that failed: its watch has nothing left to do. */
    private Integer failedAttempt;
    /** When the current attempt's watch fires next; null in a saga stored before watches. */
    private Instant watchDueAt;
    /** Queue checks in a row of the current attempt that found a worker holding it or full (0 in a saga stored before). */
    private int heldChecks;

    @StartSaga
    @SagaEventHandler(associationProperty = NODE)
    void on(AnalysisAttemptStarted e, DeadlineManager deadlines, AgentSettings settings, Clock clock) {
        nodeId = e.nodeId();
        caseId = e.caseId();
        // a saga stored before firstAttempt existed knows how many attempts it has seen
        if (firstAttempt == null) firstAttempt = e.attempt() - attemptsThisRun;
        attemptsThisRun = Math.max(attemptsThisRun, e.attempt() - firstAttempt + 1);
        currentAttempt = e.attempt();
        retrieval = e.retrieval();
        heldChecks = 0;
        stopWaitingForAttempt(deadlines);
        // The attempt is already on its way to a worker: the process that stored it hands it over after the commit.
        // Sending it here too cost every step a second dispatch, and behind Axon Server it could reach another
        // instance, which queued it only to have its claim refused.
        watch(deadlines, settings.stepTimeout(), e.attempt(), clock);
    }

    /**
     * A worker began the step: from now on it has the step timeout to finish, counted from when it began. Usually the
     * attempt's watch fires before that anyway; only when it comes later (the attempt waited in the queue and its
     * queue checks have backed off) is the watch brought forward, by one more.
     */
    @SagaEventHandler(associationProperty = NODE)
    void on(AnalysisAttemptClaimed e, DeadlineManager deadlines, AgentSettings settings, Clock clock) {
        if (currentAttempt != null && e.attempt() != currentAttempt) return;
        claimedAttempt = e.attempt();
        claimedAt = e.claimedAt();
        if (watchDueAt == null || watchDueAt.isAfter(claimedAt.plus(settings.stepTimeout()).plus(WATCH_SLACK))) {
            Duration left = leftOfTheStep(settings, clock);
            watch(deadlines, left.isNegative() ? Duration.ZERO : left, e.attempt(), clock);
        }
    }

    /**
     * What is left of the claimed step's timeout, measured on the clock that stamped the claim; the deadline manager is
     * told a duration from now, so a clock that differs from its own (shifted, or another instance's) does not move it.
     */
    private Duration leftOfTheStep(AgentSettings settings, Clock clock) {
        return Duration.between(clock.instant(), claimedAt.plus(settings.stepTimeout()));
    }

    private void watch(DeadlineManager deadlines, Duration after, int attempt, Clock clock) {
        deadlines.schedule(after, WATCH, attempt);
        watchDueAt = clock.instant().plus(after);
    }

    @SagaEventHandler(associationProperty = NODE)
    void on(AnalysisAttemptFailed e, CommandGateway commands, DeadlineManager deadlines, AgentSettings settings,
            Clock clock) {
        failedAttempt = e.attempt();
        stopWaitingForAttempt(deadlines);
        if (!e.retryable() || attemptsThisRun >= settings.maxAttempts()) {
            commands.send(new FailAnalysis(caseId, nodeId, attemptsThisRun,
                    "The analysis failed after " + attemptsThisRun + " attempt(s): " + e.reason(), clock.instant()));
        } else {
            // The backoff grows with the attempts of this run: a node the engineer retried starts again from the first wait.
            retryId = deadlines.schedule(settings.backoffBefore(attemptsThisRun + 1), RETRY, e.attempt() + 1);
        }
    }

    /** The attempt's watch (see the class comment). */
    @DeadlineHandler(deadlineName = WATCH)
    void onWatch(Integer attempt, CommandGateway commands, DeadlineManager deadlines, AgentSettings settings,
                 Clock clock) {
        if (currentAttempt != null && !currentAttempt.equals(attempt) || attempt.equals(failedAttempt)) return;
        if (attempt.equals(claimedAttempt)) {
            if (claimedAt == null) return; // claimed in a saga stored before claims were kept: its own deadline runs
            Duration left = leftOfTheStep(settings, clock);
            if (left.isNegative() || left.isZero()) {
                handledOrRefused(commands, timedOut(attempt, settings, clock));
            } else {
                watch(deadlines, left, attempt, clock);
            }
            return;
        }
        Object held = commands.sendAndWait(new PerformAnalysis(nodeId, caseId, attempt, retrieval));
        heldChecks = Boolean.TRUE.equals(held) ? heldChecks + 1 : 0;
        watch(deadlines, queueCheckAfter(settings.stepTimeout(), heldChecks), attempt, clock);
    }

    /** A queue check an earlier version scheduled: from now on it is the attempt's watch. */
    @DeadlineHandler(deadlineName = QUEUED)
    void onStillQueued(Integer attempt, CommandGateway commands, DeadlineManager deadlines, AgentSettings settings,
                       Clock clock) {
        onWatch(attempt, commands, deadlines, settings, clock);
    }

    /** A step deadline an earlier version scheduled when a worker claimed the attempt. */
    @DeadlineHandler(deadlineName = TIMEOUT)
    void onTimeout(Integer attempt, CommandGateway commands, AgentSettings settings, Clock clock) {
        timeoutId = null;
        handledOrRefused(commands, timedOut(attempt, settings, clock));
    }

    private RecordAttemptFailure timedOut(Integer attempt, AgentSettings settings, Clock clock) {
        return new RecordAttemptFailure(nodeId, attempt,
                "the analysis step did not finish within " + settings.stepTimeout().toSeconds() + " s", true, true,
                clock.instant(), Map.of("stepTimeoutMs", settings.stepTimeout().toMillis()));
    }

    /** The wait before the next queue check: the step timeout, doubled for each check in a row that found it held or the queue full. */
    static Duration queueCheckAfter(Duration stepTimeout, int heldChecks) {
        Duration longest = LONGEST_QUEUE_CHECK.compareTo(stepTimeout) > 0 ? LONGEST_QUEUE_CHECK : stepTimeout;
        Duration wait = stepTimeout.multipliedBy(1L << Math.min(heldChecks, 20));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    @DeadlineHandler(deadlineName = RETRY)
    void onRetry(Integer attempt, CommandGateway commands, Clock clock) {
        retryId = null;
        handledOrRefused(commands, new StartNextAttempt(nodeId, attempt, clock.instant()));
    }

    /**
     * A deadline counts as done only once its command was handled. A refusal is an answer (the attempt ended in the
     * meantime); any other failure (the instance that would handle it died, nobody answers) fails the deadline, whose
     * store runs it again, instead of leaving the analysis with no deadline left.
     */
    private static void handledOrRefused(CommandGateway commands, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (DomainErrors.find(e).isEmpty()) throw e;
        }
    }

    /**
     * The saga ends only once the case has recorded how the analysis ended. The case records it in the unit of work
     * that concludes or fails the node, so this comes right after the node's own event, and nothing is left to wait for.
     */
    @EndSaga
    @SagaEventHandler(associationProperty = "analysisNode", keyName = NODE)
    void on(AnalysisOutcomeRecorded e, DeadlineManager deadlines) {
        stopWaiting(deadlines);
    }

    private void stopWaiting(DeadlineManager deadlines) {
        stopWaitingForAttempt(deadlines);
        if (retryId != null) {
            String id = retryId;
            afterTheBatch(() -> deadlines.cancelSchedule(RETRY, id));
            retryId = null;
        }
    }

    /** Cancels a step deadline an earlier version scheduled, if one is still there; a watch is never cancelled. */
    private void stopWaitingForAttempt(DeadlineManager deadlines) {
        if (timeoutId != null) {
            String id = timeoutId;
            afterTheBatch(() -> deadlines.cancelSchedule(TIMEOUT, id));
            timeoutId = null;
        }
    }

    /**
     * Cancels a deadline once this saga's batch has committed, outside it: db-scheduler refuses to cancel a deadline
     * that is firing at that moment (or that a database restart left marked as firing), and inside the batch that
     * refusal failed the whole batch, again on each retry. A deadline that could not be cancelled fires once more and
     * its command is refused (the attempt it watched has ended).
     */
    private static void afterTheBatch(Runnable cancel) {
        Runnable tolerant = () -> {
            try {
                cancel.run();
            } catch (RuntimeException firing) {
                log.debug("A deadline could not be cancelled; it fires and finds nothing to do: {}", firing.toString());
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            // another thread, so the deadline store does not wait for a unit of work that has already committed
            CurrentUnitOfWork.get().afterCommit(u -> CompletableFuture.runAsync(tolerant).join());
        } else {
            tolerant.run();
        }
    }
}
