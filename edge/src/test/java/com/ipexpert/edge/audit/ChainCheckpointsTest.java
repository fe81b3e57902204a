package com.ipexpert.edge.audit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Heads move forward in one batch, on the embedded H2 database and on PostgreSQL alike. */
class ChainCheckpointsTest {
    private static final String TABLE = """
            create table chain_checkpoint (
                aggregate_id    varchar(255)             not null,
                case_id         varchar(255),
                sequence_number bigint                   not null,
                link            varchar(64)              not null,
                seal            varchar(64)              not null,
                updated_at      timestamp with time zone not null,
                primary key (aggregate_id))""";

    @Test
    void heads_are_inserted_moved_forward_and_never_moved_back_on_h2() {
        heads_move_forward_only(new DriverManagerDataSource(
                "jdbc:h2:mem:checkpoints" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void heads_are_inserted_moved_forward_and_never_moved_back_on_postgresql() throws Exception {
        String server = System.getenv().getOrDefault("IPEXPERT_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getenv().getOrDefault("IPEXPERT_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("IPEXPERT_TEST_DB_PASSWORD", "");
        String name = "ipexpert_test_checkpoints_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        try {
            heads_move_forward_only(new DriverManagerDataSource(server + name, user, password));
        } finally {
            try (Connection c = DriverManager.getConnection(server + "postgres", user, password); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name);
            }
        }
    }

    private static void heads_move_forward_only(DriverManagerDataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.execute(TABLE);
        ChainCheckpoints checkpoints = new ChainCheckpoints(JdbcClient.create(template), template);
        Instant at = Instant.parse("2026-12-02T10:00:00Z");

        checkpoints.advanceAll(List.of(head("case-1", "case-1", 0), head("node-1", "case-1", 0), head("node-2", "case-1", 0)), at);
        assertThat(checkpoints.ofCase("case-1")).extracting(ChainCheckpoints.Checkpoint::sequence).containsOnly(0L);

        checkpoints.advanceAll(List.of(head("case-1", "case-1", 3), head("node-1", "case-1", 2)), at.plusSeconds(1));
        checkpoints.advance(head("node-1", "case-1", 1), at.plusSeconds(2)); // older: stays at 2
        assertThat(checkpoints.ofCase("case-1")).extracting(ChainCheckpoints.Checkpoint::aggregateId, ChainCheckpoints.Checkpoint::sequence,
                ChainCheckpoints.Checkpoint::link).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("case-1", 3L, "link-case-1-3"),
                org.assertj.core.groups.Tuple.tuple("node-1", 2L, "link-node-1-2"),
                org.assertj.core.groups.Tuple.tuple("node-2", 0L, "link-node-2-0"));
    }

    private static ChainCheckpoints.Checkpoint head(String aggregate, String caseId, long sequence) {
        return new ChainCheckpoints.Checkpoint(aggregate, caseId, sequence, "link-" + aggregate + "-" + sequence,
                "seal-" + aggregate + "-" + sequence);
    }
}
