package com.ipexpert.command.knowledge;

import com.ipexpert.analyst.Evidence;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.index.ChunkLocation;
import com.ipexpert.retrieval.index.KnowledgeDocument;
import com.ipexpert.retrieval.index.KnowledgeIndex;
import com.ipexpert.retrieval.index.KnowledgeQuery;
import com.ipexpert.retrieval.index.SearchHit;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A citation is checked against the index when it is made, not when its passage was retrieved. */
class KnowledgeSearchCitationTest {
    private final Map<String, SearchHit> stored = new ConcurrentHashMap<>();
    private final KnowledgeSearch search = new KnowledgeSearch(new StoredChunks());

    @Test
    void a_passage_still_in_the_index_is_cited_with_page_section_and_character_range() {
        stored.put("d#3", hit("d#3", new ChunkLocation(4, List.of("OSPF", "Timers"), 120, 480)));

        Optional<Map<String, Object>> citation = search.citation(evidence("d#3"));

        assertThat(citation).hasValueSatisfying(c -> {
            assertThat(c).containsEntry("page", 4).containsEntry("section", "OSPF > Timers")
                    .containsEntry("start", 120).containsEntry("end", 480);
            assertThat(c.get("describe")).isEqualTo("p. 4 · OSPF > Timers");
        });
    }

    @Test
    void a_passage_hidden_or_deleted_after_it_was_retrieved_is_not_cited() {
        stored.put("d#3", hit("d#3", new ChunkLocation(0, List.of(), 0, 40)));
        Evidence retrieved = evidence("d#3");

        stored.remove("d#3"); // hidden by an administrator, or its document deleted, while the step was running

        assertThat(search.citation(retrieved)).isEmpty();
    }

    @Test
    void a_text_file_without_headings_is_cited_by_its_name_and_characters() {
        stored.put("d#0", hit("d#0", new ChunkLocation(0, List.of(), 0, 57)));

        assertThat(search.citation(evidence("d#0"))).hasValueSatisfying(c -> {
            assertThat(c).containsEntry("section", "notes.txt").containsEntry("start", 0).containsEntry("end", 57);
            assertThat(c.get("page")).isNull();
        });
    }

    private static Evidence evidence(String chunkId) {
        return new Evidence(chunkId, "d", "notes.txt", null, List.of(), "", "text", 0.8);
    }

    private static SearchHit hit(String chunkId, ChunkLocation location) {
        return new SearchHit(chunkId, "d", "notes.txt", "", List.of(), "text", 0, location);
    }

    private final class StoredChunks implements KnowledgeIndex {
        @Override
        public void add(KnowledgeDocument document, List<ChunkDraft> chunks, Progress progress) {
        }

        @Override
        public void deleteDocument(String docId) {
        }

        @Override
        public void deleteChunks(String docId, Collection<String> chunkIds) {
            chunkIds.forEach(stored::remove);
        }

        @Override
        public Optional<SearchHit> find(String chunkId) {
            return Optional.ofNullable(stored.get(chunkId));
        }

        @Override
        public void clear() {
        }

        @Override
        public long count() {
            return stored.size();
        }

        @Override
        public long count(String docId) {
            return stored.size();
        }

        @Override
        public List<SearchHit> search(KnowledgeQuery query) {
            return List.of();
        }

        @Override
        public void close() {
        }
    }
}
