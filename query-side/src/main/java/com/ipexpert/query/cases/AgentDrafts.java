package com.ipexpert.query.cases;

import com.ipexpert.api.agent.AgentQueries.FollowAnalysisDrafts;
import com.ipexpert.api.agent.AgentViews.AnalysisDraft;
import com.ipexpert.api.agent.AgentViews.AnalysisDrafts;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.query.streaming.LiveStreams;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the agent is writing for a case, for its live stream: the drafts of running steps, asked of the agent's
 * workers (the command side) with {@link FollowAnalysisDrafts}, as {@code delta} events. Only asked once the case
 * has been found visible to the caller. A process whose query bus is local and holds no agent (the query side on a
 * bare event store) has no drafts to give: that is found out once, and its streams go on without them.
 */
@Component
class AgentDrafts {
    static final String EVENT = "delta";
    private final QueryGateway queries;
    private final boolean localBus;
    private volatile Boolean agentHere;

    AgentDrafts(QueryGateway queries, QueryBus queryBus) {
        this.queries = queries;
        this.localBus = queryBus instanceof SimpleQueryBus;
    }

    /** The drafts being written now, each whole, then every further piece, until cancelled. */
    Flux<LiveStreams.Event> follow(CaseId caseId) {
        if (!agentAnswers()) return Flux.empty();
        SubscriptionQueryResult<AnalysisDrafts, AnalysisDraft> drafts = queries.subscriptionQuery(
                new FollowAnalysisDrafts(caseId), ResponseTypes.instanceOf(AnalysisDrafts.class),
                ResponseTypes.instanceOf(AnalysisDraft.class));
        return drafts.initialResult().flatMapIterable(AnalysisDrafts::drafts)
                .concatWith(drafts.updates())
                .map(draft -> new LiveStreams.Event(EVENT, draft))
                .doFinally(signal -> drafts.cancel());
    }

    /** Behind Axon Server the agent may join at any time; on a local bus its handlers are there from the start or never. */
    private boolean agentAnswers() {
        if (!localBus) return true;
        Boolean known = agentHere;
        if (known == null) agentHere = known = probe();
        return known;
    }

    private boolean probe() {
        try {
            queries.query(new FollowAnalysisDrafts(CaseId.of("probe")), AnalysisDrafts.class).get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            return !(e.getCause() instanceof NoHandlerForQueryException);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException e) {
            return true;
        }
    }
}
