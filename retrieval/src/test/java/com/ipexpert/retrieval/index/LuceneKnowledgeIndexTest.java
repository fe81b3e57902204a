package com.ipexpert.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Language;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.embed.BilingualEmbedder;
import com.ipexpert.retrieval.testing.HashingEmbeddingModel;
import com.ipexpert.retrieval.testing.TestEngines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneKnowledgeIndexTest {
    private static final KnowledgeSettings SETTINGS = KnowledgeSettings.defaults();
    private static final BilingualEmbedder EMBEDDER = TestEngines.hashingEmbedder(SETTINGS);

    private static final KnowledgeDocument HUAWEI_OSPF = document("doc-huawei", "Huawei", "ospf", "routing");
    private static final KnowledgeDocument CISCO_OSPF = document("doc-cisco", "Cisco", "ospf");
    private static final KnowledgeDocument CISCO_BGP = document("doc-bgp", "Cisco", "bgp");

    private final List<LuceneKnowledgeIndex> opened = new ArrayList<>();

    @AfterEach
    void closeIndexes() {
        opened.forEach(LuceneKnowledgeIndex::close);
    }

    @Test
    void a_search_finds_chunks_by_their_words_with_document_and_location() {
        LuceneKnowledgeIndex index = inMemory();
        index.add(HUAWEI_OSPF, List.of(chunk(0, "Use display ospf peer to check the OSPF neighbour state.", 4, "OSPF", "Troubleshooting"),
                chunk(1, "Interfaces need an IP address before OSPF runs on them.", 5, "OSPF")), Progress.none());

        List<SearchHit> hits = index.search(new KnowledgeQuery("ospf neighbour state", 0.5, List.of(), null, 5));

        assertThat(hits).first().satisfies(hit -> {
            assertThat(hit.chunkId()).isEqualTo("doc-huawei#0");
            assertThat(hit.docId()).isEqualTo("doc-huawei");
            assertThat(hit.fileName()).isEqualTo("doc-huawei.pdf");
            assertThat(hit.vendor()).isEqualTo("Huawei");
            assertThat(hit.tags()).containsExactly("ospf", "routing");
            assertThat(hit.location()).isEqualTo(new ChunkLocation(4, List.of("OSPF", "Troubleshooting")));
            assertThat(hit.location().describe()).isEqualTo("p. 4 · OSPF > Troubleshooting");
            assertThat(hit.score()).isPositive();
        });
    }

    @Test
    void vendor_and_tag_filters_apply_inside_both_the_keyword_and_the_vector_search() {
        LuceneKnowledgeIndex index = inMemory();
        // Many Cisco chunks that match the question better than the single Huawei one.
        index.add(CISCO_OSPF, IntStream.range(0, 60).mapToObj(i ->
                chunk(i, "OSPF neighbour stuck in ExStart: check the MTU on both ends " + i, 0)).toList(), Progress.none());
        index.add(HUAWEI_OSPF, List.of(chunk(0, "Neighbour problems: compare interface MTU values", 0)), Progress.none());
        index.add(CISCO_BGP, List.of(chunk(0, "BGP session flaps when the hold timer expires", 0)), Progress.none());

        String question = "OSPF neighbour stuck in ExStart MTU";
        for (double weight : new double[] {0, 0.5, 1}) {
            assertThat(index.search(new KnowledgeQuery(question, weight, List.of(), "huawei", 10)))
                    .as("weight " + weight).extracting(SearchHit::chunkId).containsExactly("doc-huawei#0");
        }
        assertThat(index.search(new KnowledgeQuery(question, 1, List.of("BGP"), null, 10)))
                .extracting(SearchHit::docId).containsOnly("doc-bgp");
        assertThat(index.search(new KnowledgeQuery(question, 0.5, List.of("routing", "bgp"), null, 10)))
                .extracting(SearchHit::docId).containsOnly("doc-huawei", "doc-bgp");
        assertThat(index.search(new KnowledgeQuery(question, 0.5, List.of(), "Juniper", 10))).isEmpty();
    }

    @Test
    void a_deleted_document_is_gone_from_the_very_next_search() {
        LuceneKnowledgeIndex index = inMemory();
        index.add(HUAWEI_OSPF, List.of(chunk(0, "OSPF hello interval is 10 seconds", 0)), Progress.none());
        index.add(CISCO_OSPF, List.of(chunk(0, "OSPF dead interval is 40 seconds", 0)), Progress.none());

        index.deleteDocument("doc-huawei");

        assertThat(index.search(KnowledgeQuery.of("OSPF hello interval", 0.5, 10))).extracting(SearchHit::docId)
                .containsOnly("doc-cisco");
        assertThat(index.count()).isEqualTo(1);
        assertThat(index.count("doc-huawei")).isZero();
        index.deleteDocument("never-indexed");
    }

    @Test
    void adding_the_same_chunks_again_changes_nothing() {
        LuceneKnowledgeIndex index = inMemory();
        List<ChunkDraft> chunks = List.of(chunk(0, "VRRP elects a master router", 0), chunk(1, "VRRP uses a virtual MAC", 0));

        index.add(HUAWEI_OSPF, chunks, Progress.none());
        index.add(HUAWEI_OSPF, chunks, Progress.none());

        assertThat(index.count()).isEqualTo(2);
        assertThat(index.count("doc-huawei")).isEqualTo(2);
    }

    @Test
    void the_index_on_disk_survives_a_restart(@TempDir Path directory) {
        LuceneKnowledgeIndex before = LuceneKnowledgeIndex.open(directory, EMBEDDER, SETTINGS);
        before.add(HUAWEI_OSPF, List.of(chunk(0, "IS-IS overload bit keeps transit traffic away", 7, "IS-IS")), Progress.none());
        List<SearchHit> hitsBefore = before.search(KnowledgeQuery.of("overload bit transit", 0.5, 5));
        before.close();

        LuceneKnowledgeIndex after = track(LuceneKnowledgeIndex.open(directory, EMBEDDER, SETTINGS));

        assertThat(after.count()).isEqualTo(1);
        assertThat(after.search(KnowledgeQuery.of("overload bit transit", 0.5, 5))).isEqualTo(hitsBefore);
    }

    @Test
    void an_index_built_with_other_embedding_models_is_not_silently_reused(@TempDir Path directory) {
        LuceneKnowledgeIndex.open(directory, EMBEDDER, SETTINGS).close();
        BilingualEmbedder other = new BilingualEmbedder(new HashingEmbeddingModel(256), new HashingEmbeddingModel(512), SETTINGS);

        assertThatThrownBy(() -> LuceneKnowledgeIndex.open(directory, other, SETTINGS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("index the documents again");
    }

    @Test
    void rebuilding_from_the_chunk_records_gives_the_same_results() {
        LuceneKnowledgeIndex index = inMemory();
        List<ChunkDraft> ospf = IntStream.range(0, 20).mapToObj(i -> chunk(i, "OSPF area " + i + " summarises routes at the ABR", i / 5 + 1)).toList();
        List<ChunkDraft> bgp = IntStream.range(0, 20).mapToObj(i -> chunk(i, "BGP route " + i + " carries local preference", 0)).toList();
        index.add(HUAWEI_OSPF, ospf, Progress.none());
        index.add(CISCO_BGP, bgp, Progress.none());
        KnowledgeQuery query = KnowledgeQuery.of("which ABR summarises area 7 routes", 0.5, 10);
        List<SearchHit> before = index.search(query);

        index.clear();
        assertThat(index.count()).isZero();
        assertThat(index.search(query)).isEmpty();
        index.add(HUAWEI_OSPF, ospf, Progress.none());
        index.add(CISCO_BGP, bgp, Progress.none());

        assertThat(index.search(query)).isEqualTo(before);
    }

    @Test
    void chinese_chunks_are_found_by_chinese_words_and_by_the_english_terms_in_them() {
        LuceneKnowledgeIndex index = inMemory();
        index.add(HUAWEI_OSPF, List.of(
                chunk(0, "当OSPF邻居状态停留在ExStart时，通常是两端接口的MTU不一致。", 0),
                chunk(1, "BGP邻居建立需要TCP端口179可达。", 0)), Progress.none());

        assertThat(index.search(KnowledgeQuery.of("邻居状态停留在ExStart", 0, 2))).first()
                .extracting(SearchHit::chunkId).isEqualTo("doc-huawei#0");
        assertThat(index.search(KnowledgeQuery.of("bgp tcp port", 0, 2))).first()
                .extracting(SearchHit::chunkId).isEqualTo("doc-huawei#1");
    }

    @Test
    void a_chunk_holding_all_of_the_question_s_terms_passes_a_shorter_one_that_repeats_some_of_them() {
        List<ChunkDraft> chunks = List.of(
                chunk(0, "BFD echo mode: echo packets are looped back. Echo, echo.", 0),
                chunk(1, "The BFD echo interval is set per session. Sessions are listed with show bfd peers, and "
                        + "counters are cleared per peer when needed. A session goes down after three missed packets, "
                        + "and the remote end is told why. Single-hop sessions run over UDP port 3784 on the directly "
                        + "connected link.", 0),
                chunk(2, "The hello interval and the dead interval of OSPF.", 0),
                chunk(3, "The keepalive interval of BGP.", 0));
        KnowledgeQuery query = KnowledgeQuery.of("How do I set the BFD echo interval?", 0, 2);
        LuceneKnowledgeIndex bm25 = track(LuceneKnowledgeIndex.inMemory(EMBEDDER, SETTINGS.withTermCoverageGain(0)));
        LuceneKnowledgeIndex covering = inMemory();
        bm25.add(HUAWEI_OSPF, chunks, Progress.none());
        covering.add(HUAWEI_OSPF, chunks, Progress.none());

        assertThat(bm25.search(query)).first().extracting(SearchHit::chunkId).isEqualTo("doc-huawei#0");
        assertThat(covering.search(query)).first().extracting(SearchHit::chunkId).isEqualTo("doc-huawei#1");
    }

    @Test
    void searches_run_while_documents_are_being_added() throws Exception {
        LuceneKnowledgeIndex index = inMemory();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int d = 0; d < 20; d++) {
                    index.add(document("doc-" + d, "H3C", "acl"), List.of(chunk(0, "ACL rule " + d + " permits traffic", 0)), Progress.none());
                }
            });
            Future<?> reader = pool.submit(() -> {
                for (int i = 0; i < 50; i++) index.search(KnowledgeQuery.of("ACL rule permits", 0.5, 5));
            });
            writer.get();
            reader.get();
        } finally {
            pool.shutdown();
        }
        assertThat(index.count()).isEqualTo(20);
    }

    @Test
    void progress_of_adding_reaches_one_hundred() {
        LuceneKnowledgeIndex index = inMemory();
        List<Integer> percents = new ArrayList<>();

        index.add(HUAWEI_OSPF, List.of(chunk(0, "one", 0), chunk(1, "two", 0)), (d, t) -> percents.add(Progress.percent(d, t)));

        assertThat(percents).isSorted().last().isEqualTo(100);
    }

    private LuceneKnowledgeIndex inMemory() {
        return track(LuceneKnowledgeIndex.inMemory(EMBEDDER, SETTINGS));
    }

    private LuceneKnowledgeIndex track(LuceneKnowledgeIndex index) {
        opened.add(index);
        return index;
    }

    private static KnowledgeDocument document(String docId, String vendor, String... tags) {
        return new KnowledgeDocument(docId, docId + ".pdf", vendor, List.of(tags));
    }

    private static ChunkDraft chunk(int ordinal, String text, int page, String... headings) {
        return new ChunkDraft(ordinal, text, List.of(headings), page, Language.of(text, SETTINGS.chineseShare()));
    }
}
