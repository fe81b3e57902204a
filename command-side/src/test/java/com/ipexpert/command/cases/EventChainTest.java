package com.ipexpert.command.cases;

import com.ipexpert.api.cases.CaseCommands;
import com.ipexpert.api.cases.CaseEvents;
import com.ipexpert.edge.audit.EventLinks;
import com.ipexpert.edge.messaging.AxonMessaging;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.ipexpert.command.cases.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every event of a case and of its nodes carries a link to the one before it, kept in the aggregate's state. */
class EventChainTest {
    private AggregateTestFixture<Case> fixture;
    private EventStore nodeEvents;

    @BeforeEach
    void setUp() {
        nodeEvents = nodeEventStore();
        fixture = caseFixture(nodeEvents);
    }

    private static List<? extends DomainEventMessage<?>> stored(EventStore store, String aggregateId) {
        return store.readEvents(aggregateId).asStream().toList();
    }

    private static String link(DomainEventMessage<?> event) {
        return (String) event.getMetaData().get(EventLinks.LINK);
    }

    @Test
    void a_case_loaded_from_its_events_links_the_next_event_to_its_last_one() {
        fixture.givenCommands(openCase(QUERY_TEXT))
                .when(new CaseCommands.CloseCase(CASE, OWNER, T0.plusSeconds(30)))
                .expectEvents(new CaseEvents.CaseClosed(CASE, OWNER.userId(), T0.plusSeconds(30)));
        var events = stored(fixture.getEventStore(), CASE.value());
        assertThat(events).hasSize(2);
        String first = EventLinks.next(null, events.get(0).getPayload());
        assertThat(link(events.get(0))).isEqualTo(first);
        assertThat(link(events.get(1))).isEqualTo(EventLinks.next(first, events.get(1).getPayload()));
    }

    @Test
    void the_nodes_of_a_case_start_chains_of_their_own() {
        fixture.givenNoPriorActivity().when(openCase(QUERY_TEXT)).expectSuccessfulHandlerExecution();
        var analysis = stored(nodeEvents, ANALYSIS.value());
        assertThat(analysis).hasSize(2);
        String created = EventLinks.next(null, analysis.get(0).getPayload());
        assertThat(link(analysis.get(0))).isEqualTo(created);
        assertThat(link(analysis.get(1))).isEqualTo(EventLinks.next(created, analysis.get(1).getPayload()));
    }

    @Test
    void a_link_is_the_same_whether_computed_from_the_event_or_from_its_stored_bytes() throws Exception {
        Object event = caseOpened();
        byte[] storedBytes = AxonMessaging.axonObjectMapper().writeValueAsBytes(event);
        assertThat(EventLinks.ofStored(null, event.getClass().getName(), storedBytes))
                .isEqualTo(EventLinks.next(null, event));
    }

    @Test
    void a_changed_stored_payload_no_longer_matches_its_link() throws Exception {
        Object event = caseOpened();
        String json = new String(AxonMessaging.axonObjectMapper().writeValueAsBytes(event), StandardCharsets.UTF_8);
        byte[] tampered = json.replace("ExStart", "Full").getBytes(StandardCharsets.UTF_8);
        assertThat(EventLinks.ofStored(null, event.getClass().getName(), tampered))
                .isNotEqualTo(EventLinks.next(null, event));
    }
}
