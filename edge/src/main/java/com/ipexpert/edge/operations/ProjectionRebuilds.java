package com.ipexpert.edge.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds of a projection that every instance running it takes part in. A processor's tokens can only be reset by
 * an instance that can claim every segment, so a rebuild asked of one instance is recorded in the shared database
 * ({@code projection_rebuild}); each instance looks there every {@link #INTERVAL}, stops its processor (releasing its
 * claims), and the first that can claim every segment resets the tokens (its {@code @ResetHandler}s clear the shared
 * read model once) and marks the rebuild done in the same transaction; then every instance starts its processor again
 * and they share the replay as they share any work. An instance killed while holding a claim delays the reset until
 * its claim times out. The same for the embedded jar (one instance, at once) and for any number of instances behind
 * Axon Server, whose event processor control knows no reset.
 */
@Component
public class ProjectionRebuilds {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    static final Duration INTERVAL = Duration.ofSeconds(1);
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    /** Processors this instance stopped for a rebuild, to start again once it is done. */
    private final Set<String> stoppedHere = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuilds");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    ProjectionRebuilds(EventProcessingConfiguration processing, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Asks every instance running {@code processor} to rebuild it; returns at once. */
    public void request(String processor) {
        jdbc.sql("""
                        insert into projection_rebuild (processor_name, generation, reset_generation, requested_at)
                        values (:name, 1, 0, now())
                        on conflict (processor_name) do update
                        set generation = projection_rebuild.generation + 1, requested_at = now()""")
                .param("name", processor).update();
        log.info("Rebuild of projection {} requested", processor);
        if (running) worker.execute(this::carryOut);
    }

    /** Whether a rebuild of {@code processor} was asked and its tokens are not reset yet. */
    public boolean pending(String processor) {
        return jdbc.sql("select count(*) from projection_rebuild where processor_name = :name and generation > reset_generation")
                .param("name", processor).query(Long.class).single() > 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = true;
        worker.scheduleWithFixedDelay(this::carryOut, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        running = false;
        worker.shutdownNow();
    }

    /** One look at the rebuilds asked: stop, reset when every claim is free, start again when done. */
    synchronized void carryOut() {
        if (!running) return;
        try {
            List<String> pending = jdbc.sql("select processor_name from projection_rebuild where generation > reset_generation")
                    .query(String.class).list();
            for (String name : pending) {
                Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
                if (processor.isEmpty() || !processor.get().supportsReset()) continue;
                if (stop(name, processor.get()) && reset(name, processor.get())) {
                    log.info("Projection {} reset; replaying from the start of the event store", name);
                }
            }
            for (String name : Set.copyOf(stoppedHere)) {
                if (pending.contains(name) && pending(name)) continue;
                processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::start);
                stoppedHere.remove(name);
                log.info("Projection {} started again after its rebuild", name);
            }
        } catch (RuntimeException e) {
            log.warn("Projection rebuilds: {}; trying again in {}", e.toString(), INTERVAL);
        }
    }

    private boolean stop(String name, StreamingEventProcessor processor) {
        if (stoppedHere.add(name) || processor.isRunning()) {
            processor.shutDown();
            log.info("Projection {} stopped for its rebuild", name);
        }
        return true;
    }

    /** Resets the tokens if every segment can be claimed now, and marks the rebuild done in the same transaction. */
    private boolean reset(String name, StreamingEventProcessor processor) {
        try {
            Boolean done = transactions.execute(status -> {
                Optional<Long> generation = jdbc.sql("""
                                select generation from projection_rebuild
                                where processor_name = :name and generation > reset_generation for update""")
                        .param("name", name).query(Long.class).optional();
                if (generation.isEmpty()) return false; // another instance did it meanwhile
                processor.resetTokens();
                jdbc.sql("update projection_rebuild set reset_generation = :generation, reset_at = now() where processor_name = :name")
                        .param("generation", generation.get()).param("name", name).update();
                return true;
            });
            return Boolean.TRUE.equals(done);
        } catch (UnableToClaimTokenException heldElsewhere) {
            log.info("Projection {} waits for another instance to release its segments before the reset", name);
            return false;
        }
    }
}
