package com.ipexpert.edge.audit;

import com.ipexpert.edge.security.SecretFiles;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** The audit chain's key, its checkpoints, and the seal on every linked event this process publishes. */
@Configuration
public class AuditChainConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AuditChainConfiguration.class);

    @Bean
    ChainKey chainKey(@Value("${ipexpert.audit.chain-key:}") String configured,
                      @Value("${ipexpert.data-dir:./data}") Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new ChainKey(configured.getBytes(StandardCharsets.UTF_8));
        }
        Path file = dataDir.resolve("chain.key");
        boolean existed = Files.exists(file);
        ChainKey key = new ChainKey(SecretFiles.readOrCreate(file, 48));
        if (!existed) log.info("Generated the audit chain key in {} (mode 0600); back it up with the data", file.toAbsolutePath());
        return key;
    }

    @Bean
    ChainCheckpoints chainCheckpoints(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        return new ChainCheckpoints(jdbc, batch);
    }

    @Bean
    EventSeals eventSeals(ChainKey key, ChainCheckpoints checkpoints, Clock clock) {
        return new EventSeals(key, checkpoints, clock);
    }

    /** Registered after the provenance stamp (phase 0), so the seal covers the actor and trace id as stored. */
    @Bean
    ConfigurerModule eventSealing(EventSeals seals) {
        return configurer -> configurer.onInitialize(config -> config.onStart(
                Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS + 1, () -> config.eventBus().registerDispatchInterceptor(seals)));
    }
}
