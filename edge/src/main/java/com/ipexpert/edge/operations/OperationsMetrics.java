package com.ipexpert.edge.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.util.Map;
import java.util.OptionalLong;

/** Domain metrics and each event processor's lag (events of the store it has not read yet) for Prometheus. */
@Configuration
public class OperationsMetrics {

    @Bean
    DomainMetrics domainMetrics(MeterRegistry registry) {
        return new DomainMetrics(registry);
    }

    @Bean
    ProcessorLag processorLag(MeterRegistry registry, EventProcessingConfiguration processing, EventStore eventStore) {
        return new ProcessorLag(registry, processing, eventStore);
    }

    /** {@code ipexpert.processor.lag{processor=...}}: head of the event store less the slowest segment this process holds. */
    public static class ProcessorLag {
        private final MeterRegistry registry;
        private final EventProcessingConfiguration processing;
        private final EventStore eventStore;

        ProcessorLag(MeterRegistry registry, EventProcessingConfiguration processing, EventStore eventStore) {
            this.registry = registry;
            this.processing = processing;
            this.eventStore = eventStore;
        }

        @EventListener(ApplicationReadyEvent.class)
        void register() {
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    Gauge.builder("ipexpert.processor.lag", streaming, this::lag)
                            .description("Events in the store this processor has not handled yet (NaN where this process holds no segment)")
                            .tag("processor", name).register(registry);
                }
            });
        }

        private double lag(StreamingEventProcessor processor) {
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            if (segments.isEmpty()) return Double.NaN;
            long position = segments.values().stream().mapToLong(s -> {
                OptionalLong current = s.getCurrentPosition();
                return current.isPresent() ? current.getAsLong() : 0;
            }).min().orElse(0);
            TrackingToken head = eventStore.createHeadToken();
            long headPosition = head == null ? 0 : head.position().orElse(0);
            return Math.max(0, headPosition - position);
        }
    }
}
