package com.ipexpert.command.knowledge;

import com.ipexpert.api.cases.CaseCommands.RecordCorrectionNotPublished;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.knowledge.CorrectionCommands.PublishCorrection;
import com.ipexpert.api.knowledge.DocumentId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** A correction that cannot be published says why on its case; nothing is left in a log line alone. */
class CorrectionPublisherTest {
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void a_correction_whose_file_cannot_be_stored_records_why_on_its_case() {
        CommandGateway commands = mock(CommandGateway.class);
        DocumentFiles full = mock(DocumentFiles.class, invocation -> {
            if (invocation.getMethod().getName().equals("store")) {
                throw new UncheckedIOException(new java.io.IOException("No space left on device"));
            }
            return null;
        });
        CorrectionPublisher publisher = new CorrectionPublisher(
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(), full, null, commands,
                Clock.fixed(NOW, ZoneOffset.UTC));

        publisher.handle(new PublishCorrection(DocumentId.of("doc-1"), CaseId.of("case-1"), "fb-1", "u-admin",
                "Set both MTUs to 1500", "works"));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isInstanceOfSatisfying(RecordCorrectionNotPublished.class, recorded -> {
            assertThat(recorded.caseId()).isEqualTo(CaseId.of("case-1"));
            assertThat(recorded.feedbackId()).isEqualTo("fb-1");
            assertThat(recorded.reason()).contains("No space left on device");
            assertThat(recorded.failedAt()).isEqualTo(NOW);
        });
    }
}
