package com.ipexpert.edge.messaging;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.function.Consumer;

/**
 * The lock {@link QuietTokenStore} takes before it creates a processor's first tokens: on PostgreSQL, a transaction
 * advisory lock named after the processor, so instances that start together create them one after the other. It is
 * taken on the connection of the transaction Axon runs the creation in, and released when that transaction ends.
 * Elsewhere (H2: one process) no lock.
 */
final class TokenInitializationLock {
    private static final int NAMESPACE = 0x4950_5845; // "IPXE": the first key, apart from other advisory locks

    private TokenInitializationLock() {
    }

    static Consumer<String> on(DataSource dataSource) {
        if (dataSource == null) return processorName -> {
        };
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // which database is asked on the first creation, in its transaction: not while the application starts
        java.util.concurrent.atomic.AtomicReference<Boolean> postgres = new java.util.concurrent.atomic.AtomicReference<>();
        return processorName -> {
            Boolean isPostgres = postgres.updateAndGet(known -> known != null ? known : jdbc.execute(
                    (Connection c) -> com.ipexpert.edge.deployment.Databases.isPostgres(c)));
            // the second key: PostgreSQL's own hash of the processor's name
            if (Boolean.TRUE.equals(isPostgres)) {
                jdbc.queryForList("select pg_advisory_xact_lock(?, hashtext(?))", NAMESPACE, processorName);
            }
        };
    }
}
