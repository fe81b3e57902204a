package com.ipexpert.command.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.knowledge.DocumentCommands.ParseDocument;
import com.ipexpert.api.knowledge.DocumentCommands.RecordParsed;
import com.ipexpert.api.knowledge.DocumentCommands.RecordParsedChunks;
import com.ipexpert.api.knowledge.DocumentCommands.RecordStepFailure;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentChunksParsed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentParsed;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.edge.messaging.AxonMessaging;
import com.ipexpert.retrieval.KnowledgePipeline;
import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.chunk.ManualChunker;
import com.ipexpert.retrieval.parse.DocumentParser;
import com.ipexpert.retrieval.parse.OcrSupport;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** No ingestion message grows with the document: a large manual's chunks travel in batches far under 1 MB each. */
class IngestionMessageBoundTest {
    private static final int ONE_MB = 1024 * 1024;
    private static final ObjectMapper JSON = AxonMessaging.axonObjectMapper();

    @Test
    void the_parse_of_a_large_manual_reports_its_chunks_in_batches_each_under_1_mb() throws Exception {
        KnowledgeSettings settings = KnowledgeSettings.defaults();
        KnowledgePipeline pipeline = new KnowledgePipeline(new DocumentParser(settings, OcrSupport.absent()),
                new ManualChunker(settings), null);
        Path dir = Files.createTempDirectory("files-");
        DocumentFiles files = new DirectoryDocumentFiles(dir);
        DocumentId docId = DocumentId.of("big-manual");
        StringBuilder manual = new StringBuilder();
        for (int section = 0; manual.length() < 6 * ONE_MB; section++) {
            manual.append("# Section ").append(section).append("\n\n");
            for (int p = 0; p < 5; p++) {
                manual.append("OSPF neighbours in section ").append(section).append(" paragraph ").append(p)
                        .append(" stay in ExStart when the interface MTU differs; 邻居状态停留在ExStart通常是MTU不一致。 ".repeat(4))
                        .append("\n\n");
            }
        }
        files.store(docId, manual.toString().getBytes(StandardCharsets.UTF_8));
        List<Object> sent = new ArrayList<>();
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.sendAndWait(any())).thenAnswer(call -> {
            sent.add(payloadOf(call.getArgument(0)));
            return null;
        });
        when(commands.send(any())).thenAnswer(call -> {
            sent.add(payloadOf(call.getArgument(0)));
            return CompletableFuture.completedFuture(null);
        });
        IngestionWorker worker = new IngestionWorker(pipeline, null, files, null, commands,
                Executors.newSingleThreadExecutor(), Clock.systemUTC());

        worker.parse(new ParseDocument(docId, 1, "big-manual.md"));

        assertThat(sent).noneMatch(c -> c instanceof RecordStepFailure);
        List<RecordParsedChunks> batches = sent.stream().filter(RecordParsedChunks.class::isInstance)
                .map(RecordParsedChunks.class::cast).toList();
        RecordParsed parsed = sent.stream().filter(RecordParsed.class::isInstance).map(RecordParsed.class::cast).findFirst().orElseThrow();
        assertThat(batches).hasSizeGreaterThan(40);
        assertThat(parsed.batches()).isEqualTo(batches.size());
        assertThat(parsed.chunkCount()).isEqualTo(batches.stream().mapToInt(b -> b.chunks().size()).sum());
        long total = 0;
        for (Object command : sent) {
            int size = JSON.writeValueAsBytes(command).length;
            total += size;
            assertThat(size).as(command.getClass().getSimpleName()).isLessThan(ONE_MB);
        }
        assertThat(total).as("all the text did travel").isGreaterThan(6L * ONE_MB);
        for (RecordParsedChunks batch : batches) {
            DocumentChunksParsed event = new DocumentChunksParsed(docId, batch.attempt(), batch.batch(), batch.chunks());
            assertThat(JSON.writeValueAsBytes(event).length).isLessThan(ONE_MB);
        }
        assertThat(JSON.writeValueAsBytes(new DocumentParsed(docId, 1, 0, List.of(), java.time.Instant.now(), parsed.chunkCount())).length)
                .isLessThan(1_000);
    }

    private static Object payloadOf(Object argument) {
        return argument instanceof CommandMessage<?> message ? message.getPayload() : argument;
    }
}
