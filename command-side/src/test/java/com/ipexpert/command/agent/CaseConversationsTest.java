package com.ipexpert.command.agent;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.analyst.offline.OfflineAnalyst;
import com.ipexpert.api.cases.Attachment;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the analyst reads of a case's question (the question and device output the engineer attached as text), and
 * that a step reads its case's events once: the conversation, and from the same reading who owns the case.
 */
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

    private static CaseOpened opened(String query, Attachment... attachments) {
        return new CaseOpened(CaseId.of("c-1"), "u-1", query, query, List.of(attachments), NodeId.of("q"), NodeId.of("a"),
                RetrievalSettings.defaults(), Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void device_output_attached_as_text_is_read_with_the_question_and_links_and_ids_are_not() {
        String pasted = """
                [~PE1]display ospf peer brief
                 Area Id          Interface                        Neighbor id      State
                 0.0.0.0          GigabitEthernet1/0/0             10.1.1.2         ExStart
                [~PE1]display interface GigabitEthernet1/0/0
                The Maximum Transmit Unit is 1500
                对端 The Maximum Transmit Unit is 9000""";
        String question = CaseConversations.withPastedAttachments(opened("华为NE40E OSPF邻居起不来",
                new Attachment("display-ospf.txt", pasted), new Attachment("topology.png", "https://files.example/topology.png"),
                new Attachment("manual", "doc-42")));

        assertThat(question).startsWith("华为NE40E OSPF邻居起不来\n").contains("The Maximum Transmit Unit is 9000")
                .doesNotContain("https://", "doc-42");

        AnalysisDecision step = new OfflineAnalyst().analyse(new CaseConversation(question, List.of()), List.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hypotheses = (List<Map<String, Object>>) step.trace().get("hypotheses");
        assertThat(hypotheses.get(0)).containsEntry("id", "ospf-mtu-mismatch").containsEntry("status", "confirmed");
    }

    @Test
    void a_question_without_attachments_is_read_as_it_is() {
        assertThat(CaseConversations.withPastedAttachments(opened("BGP flaps every 3 minutes"))).isEqualTo("BGP flaps every 3 minutes");
    }

    @Test
    void an_answer_reads_as_what_was_written_then_the_pasted_text_of_its_attachments() {
        Map<String, Object> response = new java.util.LinkedHashMap<>();
        response.put("text", "设备是华为NE40E");
        response.put("attachments", List.of(
                Map.of("name", "ospf.png", "reference", "display ospf peer brief\n 0.0.0.0  GE1/0/0  10.1.1.2  ExStart"),
                Map.of("name", "topology", "reference", "https://files.example/topology.png"),
                Map.of("name", "blank.png (OCR found no text)", "reference", "")));

        assertThat(CaseConversations.textOf(response))
                .isEqualTo("设备是华为NE40E\ndisplay ospf peer brief\n 0.0.0.0  GE1/0/0  10.1.1.2  ExStart");
        assertThat(CaseConversations.textOf(Map.of("attachments", List.of(Map.of("name", "a.png", "reference", "line 1\nline 2")))))
                .isEqualTo("line 1\nline 2");
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
