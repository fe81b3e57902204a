package com.ipexpert.command.cases;

import com.ipexpert.api.cases.CaseEvents.FeedbackGiven;
import com.ipexpert.api.cases.CorrectedSolution;
import com.ipexpert.api.cases.FeedbackOutcome;
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
            new StoredEventUpcasters().attemptFailureRecordUpcaster(), new StoredEventUpcasters().feedbackGivenUpcaster());

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

    @Test
    void feedback_stored_with_a_text_correction_reads_as_revision_2_with_that_text() throws IOException {
        Object event = read(FeedbackGiven.class, "1", "feedback-given-rev1-text.json");

        assertThat(event).isInstanceOfSatisfying(FeedbackGiven.class, given -> {
            assertThat(given.outcome()).isEqualTo(FeedbackOutcome.SOLVED);
            assertThat(given.correctedSolution()).isEqualTo(CorrectedSolution.text("两端MTU改为一致后邻居起来了 {见附件}"));
            assertThat(given.givenAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        });
    }

    @Test
    void feedback_stored_with_an_object_as_its_json_text_reads_as_revision_2_with_the_object_as_given() throws IOException {
        Object event = read(FeedbackGiven.class, "1", "feedback-given-rev1-object-as-text.json");

        assertThat(event).isInstanceOfSatisfying(FeedbackGiven.class, given -> {
            assertThat(given.correctedSolution().isText()).isFalse();
            assertThat(given.correctedSolution().value()).isEqualTo(Map.of("cause", "MTU mismatch",
                    "steps", List.of("interface GE0/0/1", "mtu 1500"), "verified", true));
        });
    }

    @Test
    void feedback_stored_without_a_correction_reads_as_revision_2_without_one() throws IOException {
        Object event = read(FeedbackGiven.class, "1", "feedback-given-rev1-none.json");

        assertThat(event).isInstanceOfSatisfying(FeedbackGiven.class, given -> assertThat(given.correctedSolution()).isNull());
    }

    @Test
    void a_revision_2_feedback_reads_its_object_or_text_as_stored() throws IOException {
        Object object = read(FeedbackGiven.class, "2", "feedback-given-rev2-object.json");
        Object text = read(FeedbackGiven.class, "2", "feedback-given-rev2-text-like-an-object.json");

        assertThat(object).isInstanceOfSatisfying(FeedbackGiven.class, given ->
                assertThat(given.correctedSolution().value()).isEqualTo(Map.of("steps", List.of("undo ospf mtu-ignore"))));
        assertThat(text).isInstanceOfSatisfying(FeedbackGiven.class, given ->
                assertThat(given.correctedSolution()).isEqualTo(CorrectedSolution.text("{\"steps\": [\"as typed\"]}")));
    }

    @Test
    void a_new_feedback_event_is_stored_with_its_correction_as_given() {
        FeedbackGiven given = new FeedbackGiven(com.ipexpert.api.cases.CaseId.of("case-1"), "f-1", "u-owner",
                FeedbackOutcome.UNSOLVED, null, CorrectedSolution.object(Map.of("steps", List.of("mtu 1500"))),
                Instant.parse("2026-11-20T08:00:00Z"));

        String stored = new String(serializer.serialize(given, byte[].class).getData(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(stored).contains("\"correctedSolution\":{\"steps\":[\"mtu 1500\"]}");
        assertThat(serializer.serialize(given, byte[].class).getType().getRevision()).isEqualTo("2");
    }
}
