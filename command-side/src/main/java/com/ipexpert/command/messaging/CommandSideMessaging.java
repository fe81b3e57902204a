package com.ipexpert.command.messaging;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.ipexpert.api.errors.DomainException;
import com.ipexpert.edge.errors.DomainErrors.DomainErrorDetails;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Command-side messaging: business refusals travel as command error details (so they survive Axon Server), and
 * deadlines are kept in the database (db-scheduler), so a timeout or a retry survives a crash.
 */
@Configuration
public class CommandSideMessaging {

    @Bean
    ConfigurerModule refusalTranslation() {
        return configurer -> configurer.onInitialize(config -> config.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS,
                () -> translateRefusals(config.commandBus())));
    }

    private static void translateRefusals(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (DomainException e) {
                throw new CommandExecutionException(e.getMessage(), e,
                        new DomainErrorDetails(e.kind().name(), e.getMessage()));
            }
        });
    }

    /**
     * Aggregates stay in memory between commands instead of being re-read from their events each time. Safe with
     * one command-side instance, and behind Axon Server, which routes an aggregate's commands to one instance.
     */
    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /** The task db-scheduler runs when a deadline is due; Axon's auto-configuration builds the deadline manager on it. */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                @Value("${ipexpert.deadlines.polling-interval:1s}") Duration pollingInterval) {
        // A deadline scheduled or cancelled by a handler joins the handler's transaction: it is stored (or removed)
        // with the saga's state or not at all, without a connection and a commit of its own.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .tableName("scheduled_tasks")
                .threads(2)
                .pollingInterval(pollingInterval)
                // A deadline picked by a process that was then killed is taken over after ~20 s, not the default 30 min.
                .heartbeatInterval(Duration.ofSeconds(5))
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .build();
    }

    /** Deadlines fire only once Axon is fully started, and stop before it shuts down. */
    @Bean
    DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new DeadlineSchedulerLifecycle(scheduler);
    }

    static class DeadlineSchedulerLifecycle {
        private final Scheduler scheduler;

        DeadlineSchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            scheduler.start();
        }

        @EventListener(ContextClosedEvent.class)
        void stop() {
            scheduler.stop();
        }
    }
}
