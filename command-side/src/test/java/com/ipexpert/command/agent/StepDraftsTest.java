package com.ipexpert.command.agent;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.analyst.DraftSink;
import com.ipexpert.analyst.Evidence;
import com.ipexpert.api.agent.AgentCommands.PerformAnalysis;
import com.ipexpert.api.agent.AgentQueries.FollowAnalysisDrafts;
import com.ipexpert.api.agent.AgentViews.AnalysisDraft;
import com.ipexpert.api.agent.AgentViews.AnalysisDrafts;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.CaseCommands.ConcludeAnalysis;
import com.ipexpert.api.cases.NodeId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What a watcher of a case sees of a step while the analyst writes it, and that nothing of the draft outlives the step. */
class StepDraftsTest {
    private static final CaseId CASE = CaseId.of("case-7");
    private final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    private final StepDrafts drafts = new StepDrafts(emitter);
    private final CaseConversations conversations = mock(CaseConversations.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final PerformAnalysis step = new PerformAnalysis(NodeId.of("node-a"), CASE, 2, null);

    StepDraftsTest() {
        when(conversations.upTo(any(), any())).thenReturn(new CaseConversation("BGP session flaps every 3 minutes", List.of()));
        when(commands.send(any(CommandMessage.class))).thenReturn(CompletableFuture.completedFuture(null));
    }

    private List<AnalysisDraft> follow(CaseId caseId) {
        UpdateHandlerRegistration<Object> registration = emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(
                new FollowAnalysisDrafts(caseId), ResponseTypes.instanceOf(AnalysisDrafts.class),
                ResponseTypes.instanceOf(AnalysisDraft.class)), 1024);
        List<AnalysisDraft> seen = new CopyOnWriteArrayList<>();
        registration.getUpdates().subscribe(update -> seen.add((AnalysisDraft) update.getPayload()));
        return seen;
    }

    /** An analyst that writes its answer in three pieces, and lets the test look at the drafts half way. */
    private class WritingAnalyst implements Analyst {
        final List<AnalysisDrafts> midway = new ArrayList<>();

        public String name() {
            return "qwen-plus";
        }

        public String version() {
            return "diagnosis-v2";
        }

        public AnalysisDecision analyse(CaseConversation conversation, List<Evidence> evidence) {
            throw new AssertionError("the worker passes the step's drafts");
        }

        @Override
        public AnalysisDecision analyse(CaseConversation conversation, List<Evidence> evidence, DraftSink sink) {
            sink.write("answer", 0, "Hold time ");
            sink.write("answer", 10, "expires: ");
            midway.add(drafts.handle(new FollowAnalysisDrafts(CASE)));
            sink.write("answer", 19, "keepalives are lost.");
            return new ProposedSolution("BGP", "Cisco", "Hold time expires: keepalives are lost.", List.of(),
                    List.of("show ip bgp summary"), Map.of());
        }
    }

    @Test
    void each_piece_the_analyst_writes_reaches_the_watchers_of_its_case_and_only_them() {
        List<AnalysisDraft> watcher = follow(CASE);
        List<AnalysisDraft> otherCase = follow(CaseId.of("case-8"));
        WritingAnalyst analyst = new WritingAnalyst();

        new AnalysisWorker(conversations, KnowledgeRetrieval.NONE, analyst, drafts, commands, Runnable::run, Clock.systemUTC()).run(step);

        assertThat(watcher).containsExactly(
                new AnalysisDraft("case-7", "node-a", 2, "answer", 0, "Hold time "),
                new AnalysisDraft("case-7", "node-a", 2, "answer", 10, "expires: "),
                new AnalysisDraft("case-7", "node-a", 2, "answer", 19, "keepalives are lost."));
        assertThat(otherCase).isEmpty();
    }

    @Test
    void a_watcher_who_joins_half_way_gets_the_draft_so_far_whole() {
        WritingAnalyst analyst = new WritingAnalyst();

        new AnalysisWorker(conversations, KnowledgeRetrieval.NONE, analyst, drafts, commands, Runnable::run, Clock.systemUTC()).run(step);

        assertThat(analyst.midway).containsExactly(new AnalysisDrafts(List.of(
                new AnalysisDraft("case-7", "node-a", 2, "answer", 0, "Hold time expires: "))));
    }

    @Test
    void the_draft_is_gone_when_the_step_ends_and_the_node_gets_the_whole_answer_once() {
        new AnalysisWorker(conversations, KnowledgeRetrieval.NONE, new WritingAnalyst(), drafts, commands, Runnable::run,
                Clock.systemUTC()).run(step);

        assertThat(drafts.handle(new FollowAnalysisDrafts(CASE)).drafts()).isEmpty();
        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).send(sent.capture());
        assertThat(sent.getValue().getPayload()).isInstanceOfSatisfying(ConcludeAnalysis.class,
                concluded -> assertThat(concluded.content()).containsEntry("answer", "Hold time expires: keepalives are lost."));
    }

    @Test
    void a_step_that_fails_leaves_no_draft_behind() {
        Analyst failing = new WritingAnalyst() {
            @Override
            public AnalysisDecision analyse(CaseConversation conversation, List<Evidence> evidence, DraftSink sink) {
                sink.write("answer", 0, "Half an ans");
                throw new IllegalStateException("connection reset");
            }
        };

        new AnalysisWorker(conversations, KnowledgeRetrieval.NONE, failing, drafts, commands, Runnable::run, Clock.systemUTC()).run(step);

        assertThat(drafts.handle(new FollowAnalysisDrafts(CASE)).drafts()).isEmpty();
    }

    @Test
    void an_attempt_overtaken_by_a_newer_one_is_no_longer_shown() {
        List<AnalysisDraft> watcher = follow(CASE);
        PerformAnalysis late = new PerformAnalysis(step.nodeId(), CASE, 1, null);
        DraftSink timedOut = drafts.open(late);
        DraftSink current = drafts.open(step);

        timedOut.write("answer", 0, "an old attempt's words");
        current.write("answer", 0, "the current attempt");
        drafts.close(late, timedOut);

        assertThat(watcher).containsExactly(new AnalysisDraft("case-7", "node-a", 2, "answer", 0, "the current attempt"));
        assertThat(drafts.handle(new FollowAnalysisDrafts(CASE)).drafts())
                .containsExactly(new AnalysisDraft("case-7", "node-a", 2, "answer", 0, "the current attempt"));
    }
}
