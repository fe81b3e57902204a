package com.ipexpert.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.chunk.ManualChunker;
import com.ipexpert.retrieval.index.KnowledgeDocument;
import com.ipexpert.retrieval.index.KnowledgeQuery;
import com.ipexpert.retrieval.index.LuceneKnowledgeIndex;
import com.ipexpert.retrieval.index.SearchHit;
import com.ipexpert.retrieval.parse.DocumentParser;
import com.ipexpert.retrieval.parse.OcrSupport;
import com.ipexpert.retrieval.parse.ParsedDocument;
import com.ipexpert.retrieval.testing.TestEngines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgePipelineTest {
    private static final KnowledgeSettings SETTINGS = KnowledgeSettings.defaults();
    private static final String MANUAL = String.join("\n", "# VRRP", "", "## Troubleshooting",
            "", "Both routers become master when advertisements are lost.", "", "```",
            "<HUAWEI> display vrrp brief", "```", "", "## Timers", "", "The advertisement interval is 1 second by default.");

    @Test
    void each_stage_takes_the_previous_stages_value_and_reports_its_progress() {
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.inMemory(TestEngines.hashingEmbedder(SETTINGS), SETTINGS)) {
            KnowledgePipeline pipeline = new KnowledgePipeline(new DocumentParser(SETTINGS, OcrSupport.absent()),
                    new ManualChunker(SETTINGS), index);
            KnowledgeDocument document = new KnowledgeDocument("doc-1", "vrrp.md", "Huawei", List.of("vrrp"));
            Map<KnowledgePipeline.Stage, List<Integer>> progress = new EnumMap<>(KnowledgePipeline.Stage.class);

            List<ChunkDraft> chunks = pipeline.ingest(document, MANUAL.getBytes(StandardCharsets.UTF_8),
                    (stage, percent) -> progress.computeIfAbsent(stage, s -> new ArrayList<>()).add(percent));

            assertThat(progress.keySet()).containsExactly(KnowledgePipeline.Stage.values());
            assertThat(progress.values()).allSatisfy(p -> assertThat(p).isSorted().last().isEqualTo(100));
            assertThat(chunks).extracting(ChunkDraft::headingPath)
                    .containsExactly(List.of("VRRP", "Troubleshooting"), List.of("VRRP", "Timers"));
            assertThat(index.search(KnowledgeQuery.of("display vrrp brief", 0.5, 1))).extracting(SearchHit::chunkId)
                    .containsExactly("doc-1#0");
        }
    }

    @Test
    void stage_outputs_survive_a_round_trip_through_json_as_a_saga_would_store_them() throws Exception {
        ObjectMapper json = new ObjectMapper();
        DocumentParser parser = new DocumentParser(SETTINGS, OcrSupport.absent());
        ParsedDocument parsed = parser.parse("vrrp.md", MANUAL.getBytes(StandardCharsets.UTF_8), Progress.none());
        List<ChunkDraft> chunks = new ManualChunker(SETTINGS).chunk(parsed, Progress.none());

        ParsedDocument parsedBack = json.readValue(json.writeValueAsString(parsed), ParsedDocument.class);
        ChunkDraft[] chunksBack = json.readValue(json.writeValueAsString(chunks), ChunkDraft[].class);

        assertThat(parsedBack).isEqualTo(parsed);
        assertThat(chunksBack).containsExactlyElementsOf(chunks);
    }

    @Test
    void indexing_a_document_again_replaces_its_chunks() {
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.inMemory(TestEngines.hashingEmbedder(SETTINGS), SETTINGS)) {
            KnowledgePipeline pipeline = new KnowledgePipeline(new DocumentParser(SETTINGS, OcrSupport.absent()),
                    new ManualChunker(SETTINGS), index);
            KnowledgeDocument document = new KnowledgeDocument("doc-1", "vrrp.md", "Huawei", List.of());
            pipeline.ingest(document, MANUAL.getBytes(StandardCharsets.UTF_8), (s, p) -> { });

            pipeline.index(document, List.of(new ChunkDraft(0, "Only this is left.", List.of(), 0, Language.ENGLISH)),
                    Progress.none());

            assertThat(index.count("doc-1")).isEqualTo(1);
        }
    }
}
