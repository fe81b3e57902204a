package com.ipexpert.command.cases;

import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseCommands;
import com.ipexpert.api.cases.CaseEvents;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeEvents;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.NodeStatus;
import com.ipexpert.api.cases.NodeType;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.api.identity.Requester;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test data builders for cases: one well-known case, its nodes and the events that describe it. */
final class CaseFixtures {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final CaseId CASE = CaseId.of("case-1");
    static final NodeId QUERY = NodeId.of("n-query");
    static final NodeId ANALYSIS = NodeId.of("n-analysis");
    static final NodeId RESPONSE = NodeId.of("n-response");
    static final NodeId NEXT_ANALYSIS = NodeId.of("n-analysis-2");
    static final Requester OWNER = new Requester("u-owner", Set.of(Requester.USER));
    static final Requester STRANGER = new Requester("u-other", Set.of(Requester.USER));
    static final Requester ADMIN = new Requester("u-admin", Set.of(Requester.ADMIN));
    static final String QUERY_TEXT = "OSPF邻居状态卡在ExStart";
    static final RetrievalSettings RETRIEVAL = RetrievalSettings.defaults();

    private CaseFixtures() {
    }

    /**
     * A fixture whose cases can create their nodes, as they do in the application. The fixture's own store takes
     * only the case's events, so the nodes' events land in {@code nodeEvents}.
     */
    static AggregateTestFixture<Case> caseFixture(EventStore nodeEvents) {
        AggregateTestFixture<Case> fixture = new AggregateTestFixture<>(Case.class);
        Repository<Node> nodes = EventSourcingRepository.builder(Node.class).eventStore(nodeEvents).build();
        fixture.registerRepositoryProvider(new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> type) {
                return (Repository<T>) nodes;
            }
        });
        fixture.registerInjectableResource(new CaseNodes(() -> nodes));
        return fixture;
    }

    static EventStore nodeEventStore() {
        return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    }

    /** Every payload stored for the given nodes, in order. */
    static List<Object> payloadsOf(EventStore store, NodeId... nodes) {
        List<Object> payloads = new java.util.ArrayList<>();
        for (NodeId node : nodes) {
            store.readEvents(node.value()).asStream().forEach(e -> payloads.add(e.getPayload()));
        }
        return payloads;
    }

    static CaseCommands.OpenCase openCase(String query) {
        return new CaseCommands.OpenCase(CASE, OWNER, query, List.of(), QUERY, ANALYSIS, RETRIEVAL, T0);
    }

    static CaseEvents.CaseOpened caseOpened() {
        return new CaseEvents.CaseOpened(CASE, OWNER.userId(), QUERY_TEXT, QUERY_TEXT, List.of(), QUERY, ANALYSIS,
                RETRIEVAL, T0);
    }

    static CaseEvents.AnalysisOutcomeRecorded outcome(NodeId node, AnalysisOutcome outcome) {
        return new CaseEvents.AnalysisOutcomeRecorded(CASE, node, outcome, "OSPF", "Huawei", "summary",
                outcome == AnalysisOutcome.CLARIFICATION ? List.of("设备型号是什么？") : List.of(), T0.plusSeconds(5));
    }

    /** The worker's report of {@code attempt}: a clarification asks one question, a solution answers "summary". */
    static CaseCommands.ConcludeAnalysis conclude(NodeId node, int attempt, AnalysisOutcome outcome) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (outcome == AnalysisOutcome.CLARIFICATION) {
            content.put("analysis", "summary");
            content.put("suggestedQuestions", List.of("设备型号是什么？"));
        } else {
            content.put("answer", "summary");
        }
        return new CaseCommands.ConcludeAnalysis(CASE, node, attempt, outcome, content, Map.of("analyst", "offline"),
                "OSPF", "Huawei", T0.plusSeconds(5));
    }

    /** Stores a node's own history, as its case and the agent left it, where the case's handlers load it from. */
    static void nodeHistory(EventStore store, NodeId node, Object... events) {
        long sequence = 0;
        for (Object event : events) {
            store.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Node", node.value(), sequence++,
                    event));
        }
    }

    /** A running analysis node: created by the case, its first attempt started. */
    static void runningAnalysis(EventStore store, NodeId node) {
        nodeHistory(store, node, nodeCreated(node, NodeType.AI_ANALYSIS, NodeStatus.PROCESSING, null, T0),
                attemptStarted(node, 1, T0));
    }

    static Map<String, Object> answer(String text) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("text", text);
        return response;
    }

    static CaseCommands.AnswerClarification answerClarification(Requester who, NodeId parent) {
        return new CaseCommands.AnswerClarification(CASE, who, parent, RESPONSE, NEXT_ANALYSIS,
                answer("华为 NE40E，MTU 两端不一致"), RETRIEVAL, T0.plusSeconds(60));
    }

    static CaseEvents.ClarificationAnswered clarificationAnswered() {
        return new CaseEvents.ClarificationAnswered(CASE, OWNER.userId(), ANALYSIS, RESPONSE, NEXT_ANALYSIS,
                answer("华为 NE40E，MTU 两端不一致"), RETRIEVAL, T0.plusSeconds(60));
    }

    static NodeEvents.NodeCreated nodeCreated(NodeId node, NodeType type, NodeStatus status, Map<String, Object> content,
                                              Instant at) {
        return new NodeEvents.NodeCreated(node, CASE, type, status, content, at);
    }

    static NodeEvents.AnalysisAttemptStarted attemptStarted(NodeId node, int attempt, Instant at) {
        return new NodeEvents.AnalysisAttemptStarted(node, CASE, attempt, RETRIEVAL, at);
    }
}
