package com.ipexpert.command.agent;

import com.ipexpert.analyst.DraftSink;
import com.ipexpert.api.agent.AgentCommands.PerformAnalysis;
import com.ipexpert.api.agent.AgentQueries.FollowAnalysisDrafts;
import com.ipexpert.api.agent.AgentViews.AnalysisDraft;
import com.ipexpert.api.agent.AgentViews.AnalysisDrafts;
import com.ipexpert.api.cases.NodeId;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drafts of the analysis steps running in this process: what the analyst has written so far of each, kept in
 * memory only while the step runs and pushed, piece by piece, to whoever follows the case
 * ({@link FollowAnalysisDrafts}). Nothing here is stored: the node's final content is, once, when the step concludes.
 * Behind Axon Server a subscription reaches every instance that handles the query, so the instance running a step
 * is the one whose pieces reach the watcher.
 */
public class StepDrafts {
    private final QueryUpdateEmitter emitter;
    private final Map<NodeId, Draft> running = new ConcurrentHashMap<>();

    public StepDrafts(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    /** Starts the draft of a step; what the analyst writes to the sink reaches the case's watchers at once. */
    DraftSink open(PerformAnalysis step) {
        Draft draft = new Draft(step.caseId().value(), step.nodeId(), step.attempt());
        running.put(step.nodeId(), draft);
        return draft;
    }

    /** The step is over: its draft is gone; the node's concluded content takes its place. */
    void close(PerformAnalysis step, DraftSink sink) {
        running.remove(step.nodeId(), sink);
    }

    @QueryHandler
    AnalysisDrafts handle(FollowAnalysisDrafts query) {
        String caseId = query.caseId().value();
        return new AnalysisDrafts(running.values().stream().filter(d -> d.caseId.equals(caseId))
                .map(Draft::whole).filter(d -> d != null).toList());
    }

    private final class Draft implements DraftSink {
        final String caseId;
        final NodeId node;
        final int attempt;
        private String field;
        private final StringBuilder text = new StringBuilder();

        Draft(String caseId, NodeId node, int attempt) {
            this.caseId = caseId;
            this.node = node;
            this.attempt = attempt;
        }

        /**
         * Kept and pushed under one lock, so a watcher's snapshot and the pieces after it fit together. An attempt
         * that a newer one has replaced (it passed its deadline and is still talking) is no longer shown.
         */
        @Override
        public synchronized void write(String field, int offset, String piece) {
            if (running.get(node) != this) return;
            if (!field.equals(this.field)) {
                this.field = field;
                text.setLength(0);
            }
            text.setLength(Math.min(Math.max(0, offset), text.length()));
            text.append(piece);
            emitter.emit(FollowAnalysisDrafts.class, q -> q.caseId().value().equals(caseId),
                    new AnalysisDraft(caseId, node.value(), attempt, field, offset, piece));
        }

        synchronized AnalysisDraft whole() {
            return field == null ? null : new AnalysisDraft(caseId, node.value(), attempt, field, 0, text.toString());
        }
    }
}
