package com.ipexpert.query.statistics;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures knowledge coverage off every request: started by the coverage projection once a vendor's change is
 * committed, it measures the marked vendors on a thread of its own, then again every {@value #AGAIN_SECONDS} s while a
 * vendor stays marked (the index may lag the change). Runs coalesce: one is queued at most.
 */
@Component
class KnowledgeCoverageMeasurer {
    static final long AGAIN_SECONDS = 3;
    private final KnowledgeCoverageSource source;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "knowledge-coverage");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    KnowledgeCoverageMeasurer(KnowledgeCoverageSource source) {
        this.source = source;
    }

    /** Measures once the current transaction (the projection's batch) has committed what it marked. */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    soon(0);
                }
            });
        } else {
            soon(0);
        }
    }

    /** What was marked before this process started is measured too. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        soon(0);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        runner.shutdownNow();
    }

    private void soon(long delaySeconds) {
        if (runner.isShutdown() || !queued.compareAndSet(false, true)) return;
        runner.schedule(() -> {
            queued.set(false);
            boolean again = true;
            try {
                again = source.measurePending();
            } catch (RuntimeException e) {
                // the database may be away for a moment; the next run tries again
            }
            if (again) soon(AGAIN_SECONDS);
        }, delaySeconds, TimeUnit.SECONDS);
    }
}
