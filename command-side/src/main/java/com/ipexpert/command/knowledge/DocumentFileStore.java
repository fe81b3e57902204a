package com.ipexpert.command.knowledge;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * Chooses where uploaded files live: {@code ipexpert.knowledge.file-store=directory} (the embedded default,
 * {@code <data-dir>/files}, see {@link KnowledgeConfiguration}) or {@code database}, which every instance of a
 * distributed command side reads alike.
 */
@Configuration
class DocumentFileStore {
    static final String PROPERTY = "ipexpert.knowledge.file-store";

    @Bean
    @ConditionalOnProperty(name = PROPERTY, havingValue = "database")
    DocumentFiles databaseDocumentFiles(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new DatabaseDocumentFiles(jdbc, transactions, Clock.systemUTC());
    }
}
