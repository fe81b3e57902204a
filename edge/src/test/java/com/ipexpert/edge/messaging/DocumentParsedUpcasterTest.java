package com.ipexpert.edge.messaging;

import com.ipexpert.api.knowledge.DocumentEvents.DocumentParsed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentParsedUpcasterTest {
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(AxonMessaging.axonObjectMapper()).build();

    @Test
    void a_parse_stored_with_its_chunks_inline_reads_as_revision_2_with_its_count_and_unknown_ranges() throws IOException {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/upcasting/DocumentParsed-rev1.json")) {
            stored = in.readAllBytes();
        }
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Document", "7d1c2a9e-5b1f-4c53-9a3e-0c2f5e8d1b47",
                4, "e-4", Instant.parse("2026-11-24T09:12:31Z"), DocumentParsed.class.getName(), "1", stored, "{}".getBytes());

        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                new DocumentParsedUpcaster());

        DomainEventMessage<?> message = events.next();
        assertThat(message.getPayload()).isInstanceOfSatisfying(DocumentParsed.class, parsed -> {
            assertThat(parsed.attempt()).isEqualTo(1);
            assertThat(parsed.chunkCount()).isEqualTo(2);
            assertThat(parsed.chunks()).hasSize(2);
            assertThat(parsed.chunks().get(1).text()).isEqualTo("检查两端的VRRP通告间隔是否一致。");
            assertThat(parsed.chunks().get(1).headingPath()).containsExactly("VRRP", "排查");
            assertThat(parsed.chunks()).allSatisfy(c -> {
                assertThat(c.start()).isEqualTo(-1);
                assertThat(c.end()).isEqualTo(-1);
            });
        });
    }
}
