package com.ipexpert.edge.errors;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageClassificationTest {

    @Test
    void a_pool_that_cannot_get_a_connection_is_an_outage_however_deeply_it_is_wrapped() {
        var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms");
        var wrapped = new CommandExecutionException("command failed", new CannotCreateTransactionException("no tx", pool));
        assertThat(DatabaseOutage.isCause(wrapped)).isTrue();
    }

    @Test
    void a_connection_postgresql_cut_or_refused_is_an_outage() {
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("An I/O error occurred", "08006")))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03"))).isTrue();
        // what Bucket4j's rollback met on a connection the restart had cut
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void a_query_that_fails_for_its_own_reasons_is_not_an_outage() {
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("boom"))).isFalse();
    }
}
