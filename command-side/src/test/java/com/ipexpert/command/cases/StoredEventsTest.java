package com.ipexpert.command.cases;

import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptFailed;
import com.ipexpert.edge.messaging.AxonMessaging;
import com.ipexpert.edge.messaging.StoredEventUpcasters;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored in an older shape read in the current one, through the upcasters and the serializer the event store
 * uses, from the JSON that was stored.
 */
class StoredEventsTest {
    private final Serializer serializer = new AxonMessaging().eventSerializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(
            new StoredEventUpcasters().attemptFailureRecordUpcaster());

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = StoredEventsTest.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Reads a stored payload of {@code type} at {@code revision} as the event store does. */
    private Object read(Class<?> type, String revision, String fixture) throws IOException {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Node", "n-analysis", 3, "event-1",
                Instant.parse("2026-11-20T08:00:00Z"), type.getName(), revision, fixture(fixture), "{}".getBytes());
        List<IntermediateEventRepresentation> upcast = upcasters.upcast(
                java.util.stream.Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).as("read in the current revision").isEqualTo("2");
        assertThat(upcast.get(0).getData(com.fasterxml.jackson.databind.JsonNode.class).getData().has("record")).isTrue();
        return serializer.deserialize(upcast.get(0).getData());
    }

    @Test
    void an_attempt_failure_stored_before_attempts_carried_their_record_reads_as_revision_2_with_an_empty_record()
            throws IOException {
        Object event = read(AnalysisAttemptFailed.class, "1", "analysis-attempt-failed-rev1-without-record.json");

        assertThat(event).isInstanceOfSatisfying(AnalysisAttemptFailed.class, failed -> {
            assertThat(failed.reason()).contains("HTTP 429");
            assertThat(failed.failedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
            assertThat(failed.record()).isEmpty();
        });
    }

    @Test
    void an_attempt_failure_stored_under_revision_1_with_its_record_keeps_it() throws IOException {
        Object event = read(AnalysisAttemptFailed.class, "1", "analysis-attempt-failed-rev1-with-record.json");

        assertThat(event).isInstanceOfSatisfying(AnalysisAttemptFailed.class, failed ->
                assertThat(failed.record()).isEqualTo(Map.of("analyst", "qwen-plus", "attempt", 2, "latencyMs", 840)));
    }

    @Test
    void a_revision_2_attempt_failure_reads_as_stored() throws IOException {
        Object event = read(AnalysisAttemptFailed.class, "2", "analysis-attempt-failed-rev1-with-record.json");

        assertThat(event).isInstanceOfSatisfying(AnalysisAttemptFailed.class, failed ->
                assertThat(failed.record()).containsEntry("analyst", "qwen-plus"));
    }
}
