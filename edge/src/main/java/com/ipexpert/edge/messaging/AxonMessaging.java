package com.ipexpert.edge.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.ipexpert.edge.correlation.MessageProvenance;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Messaging settings both sides must share: one JSON serializer for events, messages, sagas and tokens (so payloads
 * are readable with plain SQL), and the provenance stamp ({@code actor}, {@code traceId}) on every message.
 */
@Configuration
public class AxonMessaging {

    static {
        // Event timestamps in microseconds, as PostgreSQL keeps them (see WebSecurity#clock).
        org.axonframework.eventhandling.GenericEventMessage.clock =
                java.time.Clock.tick(java.time.Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
    }

    /** Axon's own mapper, apart from the HTTP one: ISO times, tolerant of fields added by later revisions. */
    public static ObjectMapper axonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider actorCorrelationProvider() {
        return MessageProvenance.actorCorrelation();
    }

    /** Registered before any handler or processor starts, so no message leaves unstamped. */
    @Bean
    public ConfigurerModule provenanceStamp() {
        return configurer -> configurer.onInitialize(config -> config.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS, () -> {
            config.commandBus().registerDispatchInterceptor(MessageProvenance.stamp());
            config.eventBus().registerDispatchInterceptor(MessageProvenance.stamp());
            config.queryBus().registerDispatchInterceptor(MessageProvenance.stamp());
        }));
    }

    /**
     * The local query bus, as Axon's auto-configuration builds it but without a transaction around each query: the
     * handlers only read (no read endpoint writes), each statement on its own, so a JPA transaction per query only
     * cost a begin and a commit on every {@code GET}. Behind Axon Server its own query bus is used, unchanged.
     */
    @Bean(name = "queryBus")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /**
     * Axon's JPA token store as its auto-configuration builds it, but claiming segments under the name
     * {@code ipexpert.processing.owner} gives (Axon's default is {@code pid@host}): instances that share a process
     * or a {@code pid@host} (several in one JVM, containers that reuse host names) must each claim under their own
     * name, or each takes the other's claims for its own and both run the same sagas. Unset, Axon's store stays.
     */
    @Bean
    @ConditionalOnProperty("ipexpert.processing.owner")
    public org.axonframework.eventhandling.tokenstore.TokenStore tokenStore(
            Serializer serializer, org.axonframework.common.jpa.EntityManagerProvider entityManagerProvider,
            @org.springframework.beans.factory.annotation.Value("${ipexpert.processing.owner}") String owner,
            @org.springframework.beans.factory.annotation.Value("${axon.eventhandling.tokenstore.claim-timeout:10s}")
            java.time.Duration claimTimeout) {
        return org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider).serializer(serializer).claimTimeout(claimTimeout)
                .nodeId(owner).build();
    }

    /** A handler that met a database outage is retried, not skipped: see {@link OutagesRetried}. */
    @Bean
    public ConfigurerModule outagesRetried() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(config -> new OutagesRetried()));
    }
}
