package com.ipexpert.retrieval.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Language;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.parse.DocumentFormat;
import com.ipexpert.retrieval.parse.ParsedDocument;
import com.ipexpert.retrieval.parse.TextBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualChunkerTest {
    private final KnowledgeSettings settings = KnowledgeSettings.defaults().withChunking(300, 60);
    private final ManualChunker chunker = new ManualChunker(settings);

    private static final String HUAWEI_OSPF = String.join("\n",
            "<HUAWEI> system-view",
            "[HUAWEI] ospf 1 router-id 1.1.1.1",
            "[HUAWEI-ospf-1] area 0",
            "[HUAWEI-ospf-1-area-0.0.0.0] network 10.1.1.0 0.0.0.255",
            "[HUAWEI-ospf-1-area-0.0.0.0] network 192.168.1.0 0.0.0.255",
            "[HUAWEI-ospf-1-area-0.0.0.0] quit",
            "[HUAWEI-ospf-1] quit",
            "<HUAWEI> display ospf peer brief",
            " OSPF Process 1 with Router ID 1.1.1.1",
            "  Area Id          Interface                  Neighbor id      State",
            "  0.0.0.0          GigabitEthernet0/0/1       2.2.2.2          Full");

    @Test
    void every_chunk_knows_the_range_of_characters_it_came_from_in_the_parsed_text() {
        ParsedDocument manual = document(
                TextBlock.heading("OSPF", 1, 1),
                TextBlock.paragraph(sentences("OSPF needs a router ID before neighbours form.", 9), 1),
                TextBlock.command(HUAWEI_OSPF, 2),
                TextBlock.paragraph("邻居状态停留在ExStart通常是MTU不一致。" + "请检查两端接口的MTU。".repeat(12), 2));
        String parsedText = manual.text();

        List<ChunkDraft> chunks = chunker.chunk(manual, Progress.none());

        assertThat(chunks).hasSizeGreaterThan(3).allSatisfy(c -> {
            assertThat(c.start()).isGreaterThanOrEqualTo(0);
            String source = parsedText.substring(c.start(), c.end());
            assertThat(source).startsWith(c.text().substring(0, 12));
            assertThat(source).endsWith(c.text().substring(c.text().length() - 12));
        });
        assertThat(chunks).extracting(ChunkDraft::start).isSorted();
    }

    @Test
    void a_command_block_is_never_split_even_when_it_is_longer_than_a_chunk() {
        ParsedDocument manual = document(
                TextBlock.heading("OSPF", 1, 1),
                TextBlock.paragraph(sentences("OSPF needs a router ID before neighbours form.", 5), 1),
                TextBlock.command(HUAWEI_OSPF, 1),
                TextBlock.paragraph(sentences("Check that every neighbour reaches Full.", 4), 1));

        List<ChunkDraft> chunks = chunker.chunk(manual, Progress.none());

        assertThat(HUAWEI_OSPF.length()).isGreaterThan(settings.targetChunkChars());
        assertThat(chunks).filteredOn(c -> c.text().contains("<HUAWEI> system-view")).singleElement()
                .satisfies(c -> assertThat(c.text()).contains(HUAWEI_OSPF));
        assertThat(chunks).filteredOn(c -> c.text().contains("[HUAWEI-ospf-1]")).hasSize(1);
    }

    @Test
    void a_short_sentence_that_introduces_a_command_block_stays_with_it() {
        ParsedDocument manual = document(
                TextBlock.paragraph("Run the following commands to enable OSPF:", 0),
                TextBlock.command(HUAWEI_OSPF, 0));

        List<ChunkDraft> chunks = chunker.chunk(manual, Progress.none());

        assertThat(chunks).singleElement().satisfies(c ->
                assertThat(c.text()).startsWith("Run the following commands to enable OSPF:\n<HUAWEI> system-view"));
    }

    @Test
    void a_table_is_kept_whole() {
        String table = String.join("\n", "| State | Meaning |", "| Down | no hello received |",
                "| Init | hello received, own ID not listed |", "| 2-Way | bidirectional |",
                "| ExStart | master and slave negotiated |", "| Exchange | DD packets exchanged |",
                "| Loading | LSR sent |", "| Full | databases in sync |");
        ParsedDocument manual = document(
                TextBlock.paragraph(sentences("Neighbour states tell how far adjacency got.", 5), 0),
                TextBlock.table(table, 0),
                TextBlock.paragraph(sentences("A neighbour stuck in ExStart often has an MTU mismatch.", 4), 0));

        List<ChunkDraft> chunks = chunker.chunk(manual, Progress.none());

        assertThat(chunks).filteredOn(c -> c.text().contains("| Down |")).singleElement()
                .satisfies(c -> assertThat(c.text()).contains(table));
    }

    @Test
    void chinese_text_is_cut_at_sentence_ends() {
        String sentence = "当OSPF邻居状态停留在ExStart时，通常是两端接口的MTU不一致。";
        String question = "如何确认两端的MTU设置？";
        String advice = "可以在接口视图下执行display interface命令查看MTU；";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) text.append(sentence).append(question).append(advice);

        List<ChunkDraft> chunks = chunker.chunk(document(TextBlock.paragraph(text.toString(), 0)), Progress.none());

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.text()).matches("(?s).*[。？；]$");
            assertThat(c.language()).isEqualTo(Language.CHINESE);
        });
    }

    @Test
    void english_sentences_are_not_cut_inside_addresses_or_abbreviations() {
        List<String> sentences = Sentences.of(
                "Set the router ID to 10.1.1.1 on R1. Use a loopback, e.g. LoopBack0, for stability. Done!", 600);

        assertThat(sentences).containsExactly("Set the router ID to 10.1.1.1 on R1.",
                "Use a loopback, e.g. LoopBack0, for stability.", "Done!");
    }

    @Test
    void each_chunk_carries_the_heading_path_of_its_section_and_never_crosses_a_heading() {
        ParsedDocument manual = document(
                TextBlock.heading("1 OSPF", 1, 0),
                TextBlock.heading("1.1 Areas", 2, 0),
                TextBlock.paragraph("Every area attaches to the backbone area 0.", 0),
                TextBlock.heading("1.2 Timers", 2, 0),
                TextBlock.paragraph("Hello and dead intervals must match on a link.", 0),
                TextBlock.heading("2 BGP", 1, 0),
                TextBlock.paragraph("BGP peers exchange routes over TCP port 179.", 0));

        List<ChunkDraft> chunks = chunker.chunk(manual, Progress.none());

        assertThat(chunks).extracting(ChunkDraft::headingPath).containsExactly(
                List.of("1 OSPF", "1.1 Areas"), List.of("1 OSPF", "1.2 Timers"), List.of("2 BGP"));
        assertThat(chunks.get(2).retrievalText()).isEqualTo("2 BGP\nBGP peers exchange routes over TCP port 179.");
    }

    @Test
    void a_chunk_starts_with_the_last_sentences_of_the_one_before_it() {
        List<ChunkDraft> chunks = chunker.chunk(
                document(TextBlock.paragraph(sentences("Sentence number %d explains one more detail of LSA flooding.", 20), 0)),
                Progress.none());

        assertThat(chunks).hasSizeGreaterThan(2);
        for (int i = 1; i < chunks.size(); i++) {
            List<String> previous = Sentences.of(chunks.get(i - 1).text(), 1_000);
            String lastSentence = previous.get(previous.size() - 1);
            assertThat(lastSentence.length()).isLessThanOrEqualTo(settings.overlapChars());
            assertThat(chunks.get(i).text()).startsWith(lastSentence);
        }
        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(settings.targetChunkChars() + 80));
    }

    @Test
    void chunks_keep_the_page_they_start_on_and_are_numbered_in_order() {
        ParsedDocument manual = document(
                TextBlock.paragraph(sentences("Page one talks about interface %d.", 12), 1),
                TextBlock.paragraph(sentences("Page two talks about route %d.", 12), 2),
                TextBlock.paragraph(sentences("Page three talks about neighbour %d.", 12), 3));

        List<ChunkDraft> chunks = chunker.chunk(manual, Progress.none());

        assertThat(chunks).extracting(ChunkDraft::page).isSorted().contains(1, 2, 3);
        assertThat(chunks).extracting(ChunkDraft::ordinal).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
        assertThat(chunks).filteredOn(c -> c.text().contains("Page three")).allSatisfy(c ->
                assertThat(c.page()).isIn(2, 3));
    }

    @Test
    void progress_reaches_the_end() {
        List<int[]> reports = new ArrayList<>();
        chunker.chunk(document(TextBlock.paragraph("One sentence.", 0)), (d, t) -> reports.add(new int[] {d, t}));

        assertThat(reports).last().satisfies(r -> assertThat(r[0]).isEqualTo(r[1]));
    }

    private static ParsedDocument document(TextBlock... blocks) {
        return new ParsedDocument("manual.pdf", DocumentFormat.PDF, 3, List.of(blocks));
    }

    private static String sentences(String pattern, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            if (!text.isEmpty()) text.append(' ');
            text.append(pattern.contains("%d") ? String.format(pattern, i) : pattern);
        }
        return text.toString();
    }
}
