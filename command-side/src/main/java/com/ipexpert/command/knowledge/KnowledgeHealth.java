package com.ipexpert.command.knowledge;

import com.ipexpert.retrieval.embed.BilingualEmbedder;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * Whether the knowledge engine can rank searches yet: {@code LOADING} while its embedding models load in the
 * background after a start, {@code UP} once they are there, {@code DOWN} if they could not be loaded. The
 * application's own health is {@code UP} while the engine loads ({@code LOADING} ranks below {@code UP}, see
 * {@code management.endpoint.health.status.order}); {@code /actuator/health/knowledge} answers 503 until it is ready.
 */
class KnowledgeHealth implements HealthIndicator {
    static final Status LOADING = new Status("LOADING", "the embedding models are loading; searches wait for them");

    private final BilingualEmbedder embedder;

    KnowledgeHealth(BilingualEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public Health health() {
        if (embedder.ready()) {
            return Health.up().withDetail("state", "READY").withDetail("modelsLoadedInMs", embedder.loadMillis()).build();
        }
        return embedder.failure()
                .map(error -> Health.down().withDetail("state", "FAILED")
                        .withDetail("error", String.valueOf(error.getMessage())).build())
                .orElseGet(() -> Health.status(LOADING).withDetail("state", "LOADING").build());
    }
}
