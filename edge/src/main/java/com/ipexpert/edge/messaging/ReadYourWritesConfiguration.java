package com.ipexpert.edge.messaging;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Wires read-your-writes: every endpoint marked {@link ReadsFrom} waits for its projections first (one interceptor
 * for every read and stream), and every processor's token store reports its committed positions.
 */
@Configuration
@EnableConfigurationProperties(ReadYourWritesConfiguration.ConsistencySettings.class)
public class ReadYourWritesConfiguration implements WebMvcConfigurer {
    private final ObjectProvider<ReadYourWrites> readYourWrites;

    public ReadYourWritesConfiguration(ObjectProvider<ReadYourWrites> readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    /**
     * @param readWait          how long a read waits for its projections to catch up with the writes before it; 0 turns it off
     * @param idleTokenInterval how often a processor that handles nothing of what it reads writes its position
     */
    @ConfigurationProperties("ipexpert.consistency")
    public record ConsistencySettings(@DefaultValue("2s") Duration readWait, @DefaultValue("2s") Duration idleTokenInterval) {
    }

    @Bean
    ProcessorPositions processorPositions() {
        return new ProcessorPositions();
    }

    /** Every token store Axon is given reports positions and stays quiet while nothing is handled. */
    @Bean
    static BeanPostProcessor quietTokenStores(ObjectProvider<ProcessorPositions> positions,
                                              ObjectProvider<ConsistencySettings> settings,
                                              ObjectProvider<javax.sql.DataSource> dataSource) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TokenStore store && !(bean instanceof QuietTokenStore)) {
                    return new QuietTokenStore(store, positions.getObject(), settings.getObject().idleTokenInterval(),
                            Clock.systemUTC(), TokenInitializationLock.on(dataSource.getIfAvailable()));
                }
                return bean;
            }
        };
    }

    @Bean
    ReadYourWrites readYourWrites(EventStore eventStore, EventProcessingConfiguration processing,
                                  ProcessorPositions positions, ObjectProvider<JdbcClient> jdbc,
                                  ObjectProvider<StoredTokens> storedTokens, ConsistencySettings settings) {
        return new ReadYourWrites(eventStore, processing, positions, Optional.ofNullable(jdbc.getIfAvailable()),
                Optional.ofNullable(storedTokens.getIfAvailable()), settings.readWait());
    }

    /** The projections each handler method reads from, looked up once per method. */
    private final java.util.Map<java.lang.reflect.Method, String[]> readsFrom = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                // A stream's later dispatches (its end) need no second wait.
                if (request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST && handler instanceof HandlerMethod method) {
                    String[] groups = readsFrom.computeIfAbsent(method.getMethod(), m -> {
                        ReadsFrom reads = AnnotatedElementUtils.findMergedAnnotation(m, ReadsFrom.class);
                        if (reads == null) reads = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ReadsFrom.class);
                        return reads == null ? new String[0] : reads.value();
                    });
                    if (groups.length > 0) readYourWrites.getObject().awaitCurrent(groups);
                }
                return true;
            }
        });
    }
}
