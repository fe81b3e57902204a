package com.ipexpert.command.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stops the analysis worker while the command bus still runs: after the web server stopped taking requests, before
 * Axon shuts down (a higher phase stops first). Steps still queued are dropped, not run: each would claim its attempt
 * from a command bus about to go, and fail. Their attempts were never claimed, so the saga's queue check sends them
 * again after the next start. Steps already running get {@code runningGrace} to finish and report; past it they are
 * interrupted, and their attempts' timeouts retry them after the next start.
 */
class AnalysisWorkerShutdown implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AnalysisWorkerShutdown.class);
    /** Between Spring Boot's web server (stopped at {@code DEFAULT_PHASE - 2048}) and Axon ({@code DEFAULT_PHASE - 3072}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2560;

    private final AnalysisWorker worker;
    private final ThreadPoolExecutor executor;
    private final Duration runningGrace;
    private volatile boolean running;

    AnalysisWorkerShutdown(AnalysisWorker worker, ThreadPoolExecutor executor, Duration runningGrace) {
        this.worker = worker;
        this.executor = executor;
        this.runningGrace = runningGrace;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        worker.stopTakingSteps();
        List<Runnable> queued = new ArrayList<>();
        executor.getQueue().drainTo(queued);
        int runningSteps = executor.getActiveCount();
        executor.shutdown();
        boolean finished;
        try {
            finished = executor.awaitTermination(runningGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) executor.shutdownNow();
        if (queued.isEmpty() && runningSteps == 0) return;
        log.info("Analysis worker stopped: {} queued step(s) left for the next start (their queue checks send them again);"
                        + " {} running step(s) {}", queued.size(), runningSteps,
                finished ? "finished" : "interrupted after " + runningGrace.toSeconds() + " s (their timeouts retry them)");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
