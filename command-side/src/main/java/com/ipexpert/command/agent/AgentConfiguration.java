package com.ipexpert.command.agent;

import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.offline.OfflineAnalyst;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Clock;
import java.time.Duration;

/**
 * Wires the agent: its settings, the analyst in use (the LLM analyst when a model is configured, see
 * {@link LlmConfiguration}, else the offline one), and the worker that runs steps on a bounded pool.
 */
@Configuration
@EnableConfigurationProperties(AgentSettings.class)
@Import(LlmConfiguration.class)
public class AgentConfiguration {

    /**
     * The offline analyst, unless a model is configured: decided by the key itself rather than by the LLM bean, because
     * the order in which component scanning registers configuration classes would otherwise decide it.
     */
    @Bean
    @ConditionalOnMissingBean(Analyst.class)
    @Conditional(LlmConfiguration.NoApiKey.class)
    Analyst offlineAnalyst() {
        return new OfflineAnalyst();
    }

    @Bean
    CaseConversations caseConversations(EventStore eventStore) {
        return new CaseConversations(eventStore);
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor analysisExecutor(AgentSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.workerThreads());
        executor.setMaxPoolSize(settings.workerThreads());
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("analysis-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }

    @Bean
    StepDrafts stepDrafts(QueryUpdateEmitter emitter) {
        return new StepDrafts(emitter);
    }

    @Bean
    AnalysisWorker analysisWorker(CaseConversations conversations, ObjectProvider<KnowledgeRetrieval> retrieval,
                                  Analyst analyst, StepDrafts stepDrafts, CommandGateway commands,
                                  ThreadPoolTaskExecutor analysisExecutor, Clock clock,
                                  ObjectProvider<com.ipexpert.edge.ratelimits.ModelCallBudget> budget, QueryGateway queries) {
        // A model's steps count against their case owner's daily budget; over it the offline analyst answers.
        boolean model = !(analyst instanceof OfflineAnalyst);
        return new AnalysisWorker(conversations, retrieval.getIfAvailable(() -> KnowledgeRetrieval.NONE), analyst,
                stepDrafts, commands, analysisExecutor, clock,
                budget.getIfAvailable(() -> com.ipexpert.edge.ratelimits.ModelCallBudget.UNLIMITED),
                model ? new OfflineAnalyst() : null, new SimilarCasesByQuery(queries));
    }

    @Bean
    AnalysisWorkerShutdown analysisWorkerShutdown(AnalysisWorker analysisWorker, ThreadPoolTaskExecutor analysisExecutor) {
        return new AnalysisWorkerShutdown(analysisWorker, analysisExecutor.getThreadPoolExecutor(), Duration.ofSeconds(10));
    }
}
