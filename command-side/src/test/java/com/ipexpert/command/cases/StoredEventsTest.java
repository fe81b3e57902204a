package com.ipexpert.command.cases;

import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptFailed;
import com.ipexpert.edge.messaging.AxonMessaging;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored before a field was added still read, with the field empty, through the serializer the event store uses. */
class StoredEventsTest {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = StoredEventsTest.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void an_attempt_failure_stored_before_attempts_carried_their_record_reads_with_an_empty_record() throws IOException {
        SerializedType type = new SimpleSerializedType(AnalysisAttemptFailed.class.getName(), "1");
        AnalysisAttemptFailed event = new AxonMessaging().eventSerializer().deserialize(new SimpleSerializedObject<>(
                fixture("analysis-attempt-failed-rev1-without-record.json"), byte[].class, type));

        assertThat(event.reason()).contains("HTTP 429");
        assertThat(event.failedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(event.record()).isEmpty();
    }
}
