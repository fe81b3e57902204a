package com.ipexpert.command.agent;

import com.ipexpert.analyst.offline.OfflineAnalyst;
import com.ipexpert.api.agent.AgentCommands.PerformAnalysis;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class AnalysisWorkerShutdownTest {
    private final CommandGateway commands = mock(CommandGateway.class);
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
    private final AnalysisWorker worker = new AnalysisWorker(null, KnowledgeRetrieval.NONE, new OfflineAnalyst(),
            new StepDrafts(null), commands, executor, Clock.systemUTC());
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean interrupted = new AtomicBoolean();

    @AfterEach
    void cleanUp() {
        release.countDown();
        executor.shutdownNow();
    }

    @Test
    void queued_steps_are_dropped_unclaimed_and_a_running_step_finishes_before_the_command_bus_stops() throws Exception {
        CountDownLatch runningStarted = occupyTheOnlyThread();
        for (int i = 1; i <= 3; i++) worker.handle(step(i), null);
        assertThat(executor.getQueue()).hasSize(3);

        Thread releaser = new Thread(() -> sleepThen(200, release::countDown));
        releaser.start();
        new AnalysisWorkerShutdown(worker, executor, Duration.ofSeconds(5)).stop();

        assertThat(runningStarted.getCount()).isZero();
        assertThat(executor.isTerminated()).as("the running step finished within its grace").isTrue();
        assertThat(interrupted).as("the running step was not interrupted").isFalse();
        // none of the three queued steps ran, so none tried to claim its attempt from the stopping command bus
        verifyNoInteractions(commands);
    }

    @Test
    void a_step_sent_after_the_worker_stopped_is_left_for_the_next_start() {
        new AnalysisWorkerShutdown(worker, executor, Duration.ofSeconds(1)).stop();

        worker.handle(step(4), null);

        assertThat(executor.getCompletedTaskCount()).isZero();
        verifyNoInteractions(commands);
    }

    @Test
    void a_running_step_that_outlasts_its_grace_is_interrupted() throws Exception {
        occupyTheOnlyThread();

        long started = System.nanoTime();
        new AnalysisWorkerShutdown(worker, executor, Duration.ofMillis(300)).stop();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    void a_step_sent_again_while_it_waits_in_the_queue_is_answered_as_already_held_and_not_queued_twice() throws Exception {
        occupyTheOnlyThread();

        assertThat(worker.handle(step(1), null)).as("taken into the queue").isFalse();
        assertThat(worker.handle(step(1), null)).as("sent again by its queue check").isTrue();
        assertThat(worker.handle(step(2), null)).isFalse();

        assertThat(executor.getQueue()).hasSize(2);
    }

    @Test
    void a_step_a_full_queue_refuses_is_answered_as_nothing_gained_by_sending_it_again_soon() throws Exception {
        ThreadPoolExecutor small = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new java.util.concurrent.ArrayBlockingQueue<>(1));
        AnalysisWorker saturated = new AnalysisWorker(null, KnowledgeRetrieval.NONE, new OfflineAnalyst(),
                new StepDrafts(null), commands, small, Clock.systemUTC());
        CountDownLatch running = new CountDownLatch(1);
        try {
            small.execute(() -> {
                running.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(saturated.handle(step(1), null)).as("taken into the last place of the queue").isFalse();
            assertThat(saturated.handle(step(2), null)).as("refused by the full queue").isTrue();
            assertThat(small.getQueue()).hasSize(1);

            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!small.getQueue().isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
            // the refused step was not kept as held: once there is room, its next check queues it
            assertThat(saturated.handle(step(2), null)).as("sent again once the queue has room").isFalse();
        } finally {
            small.shutdownNow();
        }
    }

    /** A step that runs until released (or interrupted), holding the pool's one thread. */
    private CountDownLatch occupyTheOnlyThread() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        executor.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        return started;
    }

    private static PerformAnalysis step(int n) {
        return new PerformAnalysis(new NodeId("node-" + n), new CaseId("case-" + n), 1, null);
    }

    private static void sleepThen(long millis, Runnable then) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        then.run();
    }
}
