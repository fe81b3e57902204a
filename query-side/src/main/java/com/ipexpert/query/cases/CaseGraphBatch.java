package com.ipexpert.query.cases;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one batch of events writes to the case graph: cases, nodes and edges first seen in the batch are kept here,
 * changed in memory by the batch's later events, and inserted together (one JDBC batch per table) when the batch
 * commits, in the same transaction as the processor's position. A replay thus writes a case of a dozen events as a
 * few rows in a few round trips instead of a statement per event. Changes to rows stored by earlier batches are the
 * caller's to write at once; their {@code updated_at} moves are gathered here and written once per case, forward only.
 * Stream updates are sent after the rows are written, so they read what the batch wrote.
 */
final class CaseGraphBatch {
    private static final String RESOURCE = CaseGraphBatch.class.getName();
    private final Map<String, CaseRow> cases = new LinkedHashMap<>();
    private final Map<String, NodeRow> nodes = new LinkedHashMap<>();
    private final Set<List<String>> edges = new LinkedHashSet<>();
    private final Map<String, Timestamp> touched = new LinkedHashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final List<Runnable> afterWrite = new ArrayList<>();

    static final class CaseRow {
        final String caseId;
        final String owner;
        final String title;
        final String query;
        final Timestamp createdAt;
        String status;
        String category;
        String vendor;
        Timestamp updatedAt;
        Timestamp solvedAt;

        CaseRow(String caseId, String owner, String title, String query, String status, Timestamp createdAt) {
            this.caseId = caseId;
            this.owner = owner;
            this.title = title;
            this.query = query;
            this.status = status;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        void touch(Timestamp at) {
            if (at.after(updatedAt)) updatedAt = at;
        }
    }

    static final class NodeRow {
        final String nodeId;
        final String caseId;
        final Timestamp createdAt;
        String type;
        String status;
        String content;
        String metadata;
        Timestamp updatedAt;

        NodeRow(String nodeId, String caseId, String type, String status, String content, Timestamp createdAt) {
            this.nodeId = nodeId;
            this.caseId = caseId;
            this.type = type;
            this.status = status;
            this.content = content;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    /**
     * The batch of the unit of work handling the current event, written when it commits; with no unit of work (a
     * direct call), a batch the caller writes with {@link #write(JdbcTemplate)} itself.
     */
    static CaseGraphBatch current(JdbcTemplate jdbc) {
        if (!CurrentUnitOfWork.isStarted()) return null;
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            CaseGraphBatch batch = new CaseGraphBatch();
            root.onPrepareCommit(u -> batch.write(jdbc));
            return batch;
        });
    }

    /** A case first seen in this batch; the first one wins (a redelivered opening changes nothing). */
    void openCase(CaseRow row) {
        cases.putIfAbsent(row.caseId, row);
    }

    CaseRow pendingCase(String caseId) {
        return cases.get(caseId);
    }

    void createNode(NodeRow row) {
        nodes.putIfAbsent(row.nodeId, row);
    }

    NodeRow pendingNode(String nodeId) {
        return nodes.get(nodeId);
    }

    /** @return whether the edge is new to this batch (it may still be stored already, then it is written once) */
    boolean addEdge(String caseId, String source, String target) {
        return edges.add(List.of(caseId, source, target));
    }

    /** The case changed at {@code at}: its {@code updated_at} moves there, never back. */
    void touch(String caseId, Timestamp at) {
        CaseRow pending = cases.get(caseId);
        if (pending != null) {
            pending.touch(at);
        } else {
            touched.merge(caseId, at, (a, b) -> a.after(b) ? a : b);
        }
    }

    /** An event of this batch changed the case's row, nodes or edges: its revision goes up once when the batch is written. */
    void changed(String caseId) {
        changed.add(caseId);
    }

    private static final java.util.concurrent.atomic.AtomicLong LAST_FIRST_REVISION = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The revision a new row starts at: the clock in microseconds (never the same twice in this process). A row the
     * projection inserts again after a reset would repeat a revision of its earlier life only if that life had more
     * changes than microseconds have passed since.
     */
    static long firstRevision() {
        long now = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.now());
        return LAST_FIRST_REVISION.accumulateAndGet(now, (last, clock) -> Math.max(last + 1, clock));
    }

    /** Runs once this batch's rows are written (stream updates that read them back). */
    void afterWrite(Runnable action) {
        afterWrite.add(action);
    }

    /**
     * Writes what the batch gathered: new cases, nodes and edges (each once, whatever is stored), then the touches and
     * the revisions of the cases it changed. A new row's revision starts from the clock ({@link #firstRevision()}), so
     * a row inserted again by a rebuild does not repeat a revision a reader may have kept from before.
     */
    void write(JdbcTemplate jdbc) {
        if (!cases.isEmpty()) {
            long firstRevision = firstRevision();
            List<CaseRow> rows = List.copyOf(cases.values());
            int[] inserted = jdbc.batchUpdate("""
                            insert into case_view (case_id, owner, title, query, status, category, vendor, created_at,
                                                   updated_at, solved_at, revision)
                            select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from case_view where case_id = ?)""",
                    rows.stream().map(c -> new Object[]{c.caseId, c.owner, c.title, c.query, c.status,
                            c.category, c.vendor, c.createdAt, c.updatedAt, c.solvedAt, firstRevision, c.caseId}).toList());
            // A row this batch inserted is new with its revision: no reader can have kept an older state of it.
            for (int i = 0; i < rows.size(); i++) {
                if (i < inserted.length && inserted[i] == 1) changed.remove(rows.get(i).caseId);
            }
        }
        if (!nodes.isEmpty()) {
            jdbc.batchUpdate("""
                            insert into case_node (node_id, case_id, type, status, content, metadata, created_at, updated_at)
                            select ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from case_node where node_id = ?)""",
                    nodes.values().stream().map(n -> new Object[]{n.nodeId, n.caseId, n.type, n.status, n.content,
                            n.metadata, n.createdAt, n.updatedAt, n.nodeId}).toList());
        }
        if (!edges.isEmpty()) {
            jdbc.batchUpdate("""
                            insert into case_edge (case_id, source, target)
                            select ?, ?, ? where not exists (select 1 from case_edge where case_id = ? and source = ? and target = ?)""",
                    edges.stream().map(e -> new Object[]{e.get(0), e.get(1), e.get(2), e.get(0), e.get(1), e.get(2)}).toList());
        }
        if (!touched.isEmpty()) {
            jdbc.batchUpdate("update case_view set updated_at = ? where case_id = ? and updated_at < ?",
                    touched.entrySet().stream().map(t -> new Object[]{t.getValue(), t.getKey(), t.getValue()}).toList());
        }
        if (!changed.isEmpty()) {
            jdbc.batchUpdate("update case_view set revision = revision + 1 where case_id = ?",
                    changed.stream().map(caseId -> new Object[]{caseId}).toList());
        }
        cases.clear();
        nodes.clear();
        edges.clear();
        touched.clear();
        changed.clear();
        List<Runnable> actions = List.copyOf(afterWrite);
        afterWrite.clear();
        actions.forEach(Runnable::run);
    }
}
