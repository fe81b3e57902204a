package com.ipexpert.edge.audit;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Each aggregate's head (last sequence and link), sealed with the chain key, in table {@code chain_checkpoint}: apart
 * from the event table, so deleting an aggregate's last events or rewriting its chain leaves a head that no longer
 * fits. Written in the transaction that stores the events: the heads a unit of work moved go in one batch of
 * {@code merge} statements (one round trip to the database, however many aggregates it touched).
 */
public class ChainCheckpoints {
    /** Inserts a new head, or moves an existing one forward; a head is never moved back. */
    private static final String ADVANCE = """
            merge into chain_checkpoint c
            using (select cast(? as varchar(255)) as aggregate_id, cast(? as varchar(255)) as case_id,
                          cast(? as bigint) as sequence_number, cast(? as varchar(64)) as link,
                          cast(? as varchar(64)) as seal, cast(? as timestamp with time zone) as updated_at) h
            on c.aggregate_id = h.aggregate_id
            when matched and c.sequence_number < h.sequence_number then
                update set sequence_number = h.sequence_number, link = h.link, seal = h.seal, updated_at = h.updated_at
            when not matched then
                insert (aggregate_id, case_id, sequence_number, link, seal, updated_at)
                values (h.aggregate_id, h.case_id, h.sequence_number, h.link, h.seal, h.updated_at)""";
    private final JdbcClient jdbc;
    private final JdbcOperations batch;

    public ChainCheckpoints(JdbcClient jdbc, JdbcOperations batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public record Checkpoint(String aggregateId, String caseId, long sequence, String link, String seal) {
    }

    /** Moves the aggregate's head forward (never back). */
    public void advance(Checkpoint head, Instant at) {
        advanceAll(List.of(head), at);
    }

    /** Moves each aggregate's head forward (never back), all in one batch. */
    public void advanceAll(Collection<Checkpoint> heads, Instant at) {
        if (heads.isEmpty()) return;
        Timestamp when = Timestamp.from(at);
        batch.batchUpdate(ADVANCE, heads.stream().map(h -> new Object[]{h.aggregateId(), h.caseId(), h.sequence(),
                h.link(), h.seal(), when}).toList());
    }

    /** The heads of a case's aggregates (the case's own and its nodes'). */
    public List<Checkpoint> ofCase(String caseId) {
        return jdbc.sql("select aggregate_id, case_id, sequence_number, link, seal from chain_checkpoint where case_id = ? or aggregate_id = ?")
                .params(caseId, caseId)
                .query((rs, n) -> new Checkpoint(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .list();
    }
}
