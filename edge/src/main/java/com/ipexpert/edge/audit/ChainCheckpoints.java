package com.ipexpert.edge.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Each aggregate's head (last sequence and link), sealed with the chain key, in table {@code chain_checkpoint}: apart
 * from the event table, so deleting an aggregate's last events or rewriting its chain leaves a head that no longer
 * fits. Written in the transaction that stores the events.
 */
public class ChainCheckpoints {
    private final JdbcClient jdbc;

    public ChainCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Checkpoint(String aggregateId, String caseId, long sequence, String link, String seal) {
    }

    /** Moves the aggregate's head forward (never back). */
    public void advance(Checkpoint head, Instant at) {
        List<Long> current = jdbc.sql("select sequence_number from chain_checkpoint where aggregate_id = ?")
                .param(head.aggregateId()).query(Long.class).list();
        if (current.isEmpty()) {
            jdbc.sql("insert into chain_checkpoint (aggregate_id, case_id, sequence_number, link, seal, updated_at) values (?, ?, ?, ?, ?, ?)")
                    .params(head.aggregateId(), head.caseId(), head.sequence(), head.link(), head.seal(), Timestamp.from(at))
                    .update();
        } else if (current.get(0) < head.sequence()) {
            jdbc.sql("update chain_checkpoint set sequence_number = ?, link = ?, seal = ?, updated_at = ? where aggregate_id = ?")
                    .params(head.sequence(), head.link(), head.seal(), Timestamp.from(at), head.aggregateId())
                    .update();
        }
    }

    /** The heads of a case's aggregates (the case's own and its nodes'). */
    public List<Checkpoint> ofCase(String caseId) {
        return jdbc.sql("select aggregate_id, case_id, sequence_number, link, seal from chain_checkpoint where case_id = ? or aggregate_id = ?")
                .params(caseId, caseId)
                .query((rs, n) -> new Checkpoint(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .list();
    }
}
