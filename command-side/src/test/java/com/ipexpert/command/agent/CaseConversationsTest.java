package com.ipexpert.command.agent;

import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.RetrievalSettings;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A step reads its case's events once: the conversation, and from the same reading who owns the case. */
class CaseConversationsTest {
    private final AtomicInteger reads = new AtomicInteger();
    private final EmbeddedEventStore store = new EmbeddedEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())) {
        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            reads.incrementAndGet();
            return super.readEvents(aggregateIdentifier);
        }
    };

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void the_owner_of_a_case_whose_conversation_was_read_costs_no_second_reading() {
        CaseId caseId = CaseId.of("case-1");
        NodeId analysis = NodeId.of("node-2");
        store.publish(new GenericDomainEventMessage<>("Case", caseId.value(), 0, new CaseOpened(caseId, "user-7", "BGP",
                "BGP flaps", List.of(), NodeId.of("node-1"), analysis, RetrievalSettings.defaults(), Instant.EPOCH)));

        CaseConversations conversations = new CaseConversations(store);
        assertThat(conversations.upTo(caseId, analysis).question()).isEqualTo("BGP flaps");
        assertThat(conversations.ownerOf(caseId)).isEqualTo("user-7");
        assertThat(reads).hasValue(1);
    }

    @Test
    void the_owner_of_a_case_not_read_before_is_read_from_its_events() {
        CaseId caseId = CaseId.of("case-2");
        store.publish(new GenericDomainEventMessage<>("Case", caseId.value(), 0, new CaseOpened(caseId, "user-9", "OSPF",
                "OSPF stuck", List.of(), NodeId.of("node-1"), NodeId.of("node-2"), RetrievalSettings.defaults(), Instant.EPOCH)));

        CaseConversations conversations = new CaseConversations(store);
        assertThat(conversations.ownerOf(caseId)).isEqualTo("user-9");
        assertThat(conversations.ownerOf(caseId)).isEqualTo("user-9");
        assertThat(reads).hasValue(1);
    }
}
