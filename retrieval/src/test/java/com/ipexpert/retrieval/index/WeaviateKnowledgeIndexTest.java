package com.ipexpert.retrieval.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Language;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.embed.BilingualEmbedder;
import com.ipexpert.retrieval.testing.TestEngines;
import io.weaviate.client.Config;
import io.weaviate.client.WeaviateClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Weaviate adapter's requests and its reading of the answers, against Weaviate's side of each exchange replayed
 * from recordings on loopback (no Weaviate server runs here).
 */
class WeaviateKnowledgeIndexTest {
    private static final String ENGLISH = "KnowledgeChunk_HashingEmbeddingModel_384";
    private static final String CHINESE = "KnowledgeChunk_HashingEmbeddingModel_512";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BilingualEmbedder embedder = TestEngines.hashingEmbedder(KnowledgeSettings.defaults());
    private final RecordedWeaviate weaviate = new RecordedWeaviate();

    @AfterEach
    void stop() {
        assertThat(weaviate.unexpected()).isEmpty();
        weaviate.close();
    }

    private WeaviateKnowledgeIndex openOnExistingCollections() {
        weaviate.expect("GET", "/v1/schema/" + ENGLISH, 200, "schema-class-english.json")
                .expect("GET", "/v1/schema/" + CHINESE, 200, "schema-class-chinese.json");
        return new WeaviateKnowledgeIndex(new WeaviateClient(new Config("http", weaviate.host())), embedder, "KnowledgeChunk");
    }

    @Test
    void a_new_index_creates_one_collection_per_embedding_model_with_its_own_vectors() throws Exception {
        weaviate.expect("GET", "/v1/schema/" + ENGLISH, 404, null)
                .expect("POST", "/v1/schema", 200, "schema-class-english.json")
                .expect("GET", "/v1/schema/" + CHINESE, 404, null)
                .expect("POST", "/v1/schema", 200, "schema-class-chinese.json");
        WeaviateKnowledgeIndex index = new WeaviateKnowledgeIndex(new WeaviateClient(new Config("http", weaviate.host())),
                embedder, "KnowledgeChunk");

        assertThat(index.collections()).containsEntry(Language.ENGLISH, ENGLISH).containsEntry(Language.CHINESE, CHINESE);
        List<RecordedWeaviate.Request> created = weaviate.received("POST", "/v1/schema");
        assertThat(created).hasSize(2);
        JsonNode english = JSON.readTree(created.get(0).body());
        assertThat(english.get("class").asText()).isEqualTo(ENGLISH);
        assertThat(english.get("vectorizer").asText()).isEqualTo("none");
        assertThat(tokenizationOf(english, "retrievalText")).isEqualTo("word");
        assertThat(tokenizationOf(english, "docId")).isEqualTo("field");
        assertThat(tokenizationOf(english, "tagKeys")).isEqualTo("field");
        JsonNode chinese = JSON.readTree(created.get(1).body());
        assertThat(chinese.get("class").asText()).isEqualTo(CHINESE);
        assertThat(tokenizationOf(chinese, "retrievalText")).isEqualTo("trigram");
        assertThat(weaviate.allAnswered()).isTrue();
    }

    @Test
    void chunks_go_to_the_collection_of_their_language_with_a_vector_of_its_model() throws Exception {
        WeaviateKnowledgeIndex index = openOnExistingCollections();
        weaviate.expect("POST", "/v1/batch/objects", 200, "batch-objects.json");
        KnowledgeDocument document = new KnowledgeDocument("doc-1", "ospf-guide.pdf", "Huawei", List.of("OSPF", "MTU"));
        List<ChunkDraft> chunks = List.of(
                new ChunkDraft(0, "OSPF neighbor states", List.of("3 OSPF"), 11, Language.ENGLISH),
                new ChunkDraft(1, "ExStart and MTU", List.of("3 OSPF", "3.2 Neighbors"), 12, Language.ENGLISH),
                new ChunkDraft(2, "邻居状态卡在ExStart", List.of(), 13, Language.CHINESE));
        List<int[]> progress = new ArrayList<>();
        index.add(document, chunks, (done, total) -> progress.add(new int[]{done, total}));

        JsonNode objects = JSON.readTree(weaviate.received("POST", "/v1/batch/objects").get(0).body()).get("objects");
        assertThat(objects).hasSize(3);
        JsonNode first = objects.get(1);
        assertThat(first.get("class").asText()).isEqualTo(ENGLISH);
        assertThat(first.get("id").asText()).isEqualTo(WeaviateKnowledgeIndex.objectId("doc-1#1"));
        assertThat(first.get("vector")).hasSize(384);
        JsonNode properties = first.get("properties");
        assertThat(properties.get("chunkId").asText()).isEqualTo("doc-1#1");
        assertThat(properties.get("docId").asText()).isEqualTo("doc-1");
        assertThat(properties.get("vendorKey").asText()).isEqualTo("huawei");
        assertThat(properties.get("tagKeys")).extracting(JsonNode::asText).containsExactly("ospf", "mtu");
        assertThat(properties.get("tags")).extracting(JsonNode::asText).containsExactly("OSPF", "MTU");
        assertThat(properties.get("retrievalText").asText()).isEqualTo("3 OSPF > 3.2 Neighbors\nExStart and MTU");
        assertThat(properties.get("page").asInt()).isEqualTo(12);
        JsonNode chinese = objects.get(2);
        assertThat(chinese.get("class").asText()).isEqualTo(CHINESE);
        assertThat(chinese.get("vector")).hasSize(512);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(3, 3);
    }

    @Test
    void a_search_is_a_hybrid_query_in_each_collection_with_the_weight_as_alpha_and_the_filters() throws Exception {
        WeaviateKnowledgeIndex index = openOnExistingCollections();
        weaviate.expect("POST", "/v1/graphql", 200, "hybrid-english.json")
                .expect("POST", "/v1/graphql", 200, "hybrid-chinese.json");

        List<SearchHit> hits = index.search("OSPF stuck in ExStart", 0.3, List.of("OSPF", " mtu "), " HUAWEI ", 3);

        List<RecordedWeaviate.Request> queries = weaviate.received("POST", "/v1/graphql");
        assertThat(queries).hasSize(2);
        String english = JSON.readTree(queries.get(0).body()).get("query").asText();
        assertThat(english).contains("Get", ENGLISH, "hybrid:", "query:\"OSPF stuck in ExStart\"", "alpha:0.3",
                "fusionType:relativeScoreFusion", "properties:[\"retrievalText\"]", "limit:3");
        assertThat(english).contains("operator:And", "path:[\"vendorKey\"]", "operator:Equal", "valueText:\"huawei\"",
                "path:[\"tagKeys\"]", "operator:ContainsAny", "valueText:[\"ospf\",\"mtu\"]");
        assertThat(english.replaceAll("\\s", "")).containsPattern("vector:\\[(-?[0-9.E-]+,){383}-?[0-9.E-]+\\]");
        String chinese = JSON.readTree(queries.get(1).body()).get("query").asText();
        assertThat(chinese).contains(CHINESE, "alpha:0.3");
        assertThat(chinese.replaceAll("\\s", "")).containsPattern("vector:\\[(-?[0-9.E-]+,){511}-?[0-9.E-]+\\]");

        // both collections' hits, merged by score
        assertThat(hits).extracting(SearchHit::chunkId).containsExactly("doc-1#4", "doc-3#1", "doc-2#0");
        SearchHit best = hits.get(0);
        assertThat(best.docId()).isEqualTo("doc-1");
        assertThat(best.fileName()).isEqualTo("ospf-guide.pdf");
        assertThat(best.vendor()).isEqualTo("Huawei");
        assertThat(best.tags()).containsExactly("OSPF", "MTU");
        assertThat(best.score()).isEqualTo(0.91);
        assertThat(best.location()).isEqualTo(new ChunkLocation(12, List.of("3 OSPF", "3.2 Neighbors")));
        assertThat(hits.get(1).text()).isEqualTo("邻居状态卡在ExStart时，检查两端接口MTU是否一致。");
    }

    @Test
    void a_chinese_question_is_searched_in_the_english_collection_with_its_terms_in_english_too() throws Exception {
        WeaviateKnowledgeIndex index = openOnExistingCollections();
        weaviate.expect("POST", "/v1/graphql", 200, "hybrid-english.json")
                .expect("POST", "/v1/graphql", 200, "hybrid-chinese.json");
        index.search(KnowledgeQuery.of("OSPF 邻居状态卡在 ExStart", 0.7, 3));
        List<RecordedWeaviate.Request> queries = weaviate.received("POST", "/v1/graphql");
        // (the client writes the Chinese characters as \\u escapes)
        String english = JSON.readTree(queries.get(0).body()).get("query").asText();
        assertThat(english).containsPattern("query:\"OSPF [^\"]+ ExStart (state status neighbor|neighbor state status)\"");
        String chinese = JSON.readTree(queries.get(1).body()).get("query").asText();
        assertThat(chinese).containsPattern("query:\"OSPF [^\"]+ ExStart\"");
    }

    @Test
    void a_search_without_filters_sends_no_where() throws Exception {
        WeaviateKnowledgeIndex index = openOnExistingCollections();
        weaviate.expect("POST", "/v1/graphql", 200, "hybrid-english.json")
                .expect("POST", "/v1/graphql", 200, "hybrid-chinese.json");
        List<SearchHit> hits = index.search(KnowledgeQuery.of("MTU", 1.0, 1));
        String english = JSON.readTree(weaviate.received("POST", "/v1/graphql").get(0).body()).get("query").asText();
        assertThat(english).doesNotContain("where:").contains("alpha:1.0");
        assertThat(hits).extracting(SearchHit::chunkId).containsExactly("doc-1#4");
    }

    @Test
    void deleting_a_document_repeats_until_no_chunk_of_it_is_left_in_either_collection() throws Exception {
        WeaviateKnowledgeIndex index = openOnExistingCollections();
        weaviate.expect("DELETE", "/v1/batch/objects", 200, "batch-delete-3.json")
                .expect("DELETE", "/v1/batch/objects", 200, "batch-delete-0.json")
                .expect("DELETE", "/v1/batch/objects", 200, "batch-delete-0.json");
        index.deleteDocument("doc-1");

        List<RecordedWeaviate.Request> deletes = weaviate.received("DELETE", "/v1/batch/objects");
        assertThat(deletes).hasSize(3);
        JsonNode match = JSON.readTree(deletes.get(0).body()).get("match");
        assertThat(match.get("class").asText()).isEqualTo(ENGLISH);
        assertThat(match.get("where").get("path")).extracting(JsonNode::asText).containsExactly("docId");
        assertThat(match.get("where").get("operator").asText()).isEqualTo("Equal");
        assertThat(match.get("where").get("valueText").asText()).isEqualTo("doc-1");
        assertThat(JSON.readTree(deletes.get(2).body()).get("match").get("class").asText()).isEqualTo(CHINESE);
        assertThat(weaviate.allAnswered()).isTrue();
    }

    @Test
    void a_chunk_is_looked_up_by_its_id_in_each_collection_until_found() throws Exception {
        WeaviateKnowledgeIndex index = openOnExistingCollections();
        weaviate.expect("POST", "/v1/graphql", 200, "get-chunk-english.json");

        SearchHit found = index.find("doc-1#4").orElseThrow();

        String query = JSON.readTree(weaviate.received("POST", "/v1/graphql").get(0).body()).get("query").asText();
        assertThat(query).contains("Get", ENGLISH, "path:[\"chunkId\"]", "operator:Equal", "valueText:\"doc-1#4\"", "limit:1")
                .doesNotContain("hybrid");
        assertThat(found.docId()).isEqualTo("doc-1");
        assertThat(found.text()).contains("ExStart");
        assertThat(found.location()).isEqualTo(new ChunkLocation(12, List.of("3 OSPF", "3.2 Neighbors")));
        assertThat(weaviate.allAnswered()).isTrue();
    }

    @Test
    void a_chunk_in_neither_collection_is_not_found() {
        WeaviateKnowledgeIndex index = openOnExistingCollections();
        weaviate.expect("POST", "/v1/graphql", 200, "get-chunk-english-none.json")
                .expect("POST", "/v1/graphql", 200, "get-chunk-chinese-none.json");
        assertThat(index.find("doc-9#0")).isEmpty();
        assertThat(weaviate.allAnswered()).isTrue();
    }

    @Test
    void deleting_chunks_matches_the_document_and_those_chunk_ids_in_both_collections() throws Exception {
        WeaviateKnowledgeIndex index = openOnExistingCollections();
        weaviate.expect("DELETE", "/v1/batch/objects", 200, "batch-delete-3.json")
                .expect("DELETE", "/v1/batch/objects", 200, "batch-delete-0.json");
        index.deleteChunks("doc-1", List.of("doc-1#4", "doc-1#5"));

        List<RecordedWeaviate.Request> deletes = weaviate.received("DELETE", "/v1/batch/objects");
        assertThat(deletes).hasSize(2);
        JsonNode where = JSON.readTree(deletes.get(0).body()).get("match").get("where");
        assertThat(where.get("operator").asText()).isEqualTo("And");
        assertThat(where.toString()).contains("\"docId\"", "\"doc-1\"", "\"chunkId\"", "ContainsAny", "\"doc-1#4\"", "\"doc-1#5\"");
        assertThat(JSON.readTree(deletes.get(1).body()).get("match").get("class").asText()).isEqualTo(CHINESE);
        assertThat(weaviate.allAnswered()).isTrue();
    }

    @Test
    void counts_add_up_both_collections() {
        WeaviateKnowledgeIndex index = openOnExistingCollections();
        weaviate.expect("POST", "/v1/graphql", 200, "aggregate-english.json")
                .expect("POST", "/v1/graphql", 200, "aggregate-chinese.json");
        assertThat(index.count()).isEqualTo(9);
    }

    @Test
    void a_rebuild_drops_and_recreates_both_collections() {
        WeaviateKnowledgeIndex index = openOnExistingCollections();
        weaviate.expect("GET", "/v1/schema/" + ENGLISH, 200, "schema-class-english.json")
                .expect("DELETE", "/v1/schema/" + ENGLISH, 200, null)
                .expect("GET", "/v1/schema/" + CHINESE, 200, "schema-class-chinese.json")
                .expect("DELETE", "/v1/schema/" + CHINESE, 200, null)
                .expect("GET", "/v1/schema/" + ENGLISH, 404, null)
                .expect("POST", "/v1/schema", 200, "schema-class-english.json")
                .expect("GET", "/v1/schema/" + CHINESE, 404, null)
                .expect("POST", "/v1/schema", 200, "schema-class-chinese.json");
        index.clear();
        assertThat(weaviate.allAnswered()).isTrue();
    }

    @Test
    void a_chunk_weaviate_refuses_fails_the_write() {
        WeaviateKnowledgeIndex index = openOnExistingCollections();
        weaviate.expect("POST", "/v1/batch/objects", 200, "batch-objects-refused.json");
        KnowledgeDocument document = new KnowledgeDocument("doc-1", "a.md", null, List.of());
        assertThatThrownBy(() -> index.add(document, List.of(new ChunkDraft(0, "text", List.of(), 0, Language.ENGLISH)),
                (d, t) -> {})).isInstanceOf(WeaviateKnowledgeIndex.WeaviateFailure.class).hasMessageContaining("vector lengths");
    }

    private static String tokenizationOf(JsonNode collection, String property) {
        for (JsonNode p : collection.get("properties")) {
            if (p.get("name").asText().equals(property)) return p.path("tokenization").asText(null);
        }
        throw new AssertionError("no property " + property);
    }
}
