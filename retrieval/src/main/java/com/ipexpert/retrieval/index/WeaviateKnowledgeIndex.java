package com.ipexpert.retrieval.index;

import com.ipexpert.retrieval.Language;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.embed.BilingualEmbedder;
import com.ipexpert.retrieval.embed.QueryVectors;
import io.weaviate.client.WeaviateClient;
import io.weaviate.client.base.Result;
import io.weaviate.client.v1.batch.model.BatchDeleteResponse;
import io.weaviate.client.v1.batch.model.ObjectGetResponse;
import io.weaviate.client.v1.data.model.WeaviateObject;
import io.weaviate.client.v1.filters.Operator;
import io.weaviate.client.v1.filters.WhereFilter;
import io.weaviate.client.v1.graphql.model.GraphQLResponse;
import io.weaviate.client.v1.graphql.query.argument.HybridArgument;
import io.weaviate.client.v1.graphql.query.fields.Field;
import io.weaviate.client.v1.schema.model.DataType;
import io.weaviate.client.v1.schema.model.Property;
import io.weaviate.client.v1.schema.model.WeaviateClass;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The shared knowledge index on Weaviate, for several command-side instances: every instance writes and searches the
 * same collections. One collection per embedding model (its name carries the model and its dimension, so a new
 * model gets new collections instead of clashing with vectors of another size); a chunk goes to the collection of
 * its language's model, with the vector this process computed ({@code vectorizer: none}). A search is Weaviate's
 * hybrid query in each collection, the API's weight (share of semantic ranking) passed as {@code alpha}, filtered
 * on tags (any of) and vendor (case-insensitive), the hits of both collections merged by score.
 *
 * <p>Objects are keyed by a UUID derived from the chunk id, so writing the same chunks twice replaces them; a
 * rebuild is the knowledge-index projection's replay ({@link #clear} then {@link #add} per document).
 */
public final class WeaviateKnowledgeIndex implements KnowledgeIndex {
    static final String CHUNK_ID = "chunkId";
    static final String DOC_ID = "docId";
    static final String FILE_NAME = "fileName";
    static final String VENDOR = "vendor";
    static final String VENDOR_KEY = "vendorKey";
    static final String TAGS = "tags";
    static final String TAG_KEYS = "tagKeys";
    static final String TEXT = "text";
    static final String RETRIEVAL_TEXT = "retrievalText";
    static final String HEADING_PATH = "headingPath";
    static final String PAGE = "page";
    private static final int BATCH = 100;
    private static final int MAX_DELETE_ROUNDS = 1_000;

    private final WeaviateClient client;
    private final BilingualEmbedder embedder;
    private final Map<Language, String> collections = new EnumMap<>(Language.class);

    /**
     * @param prefix the collections' name prefix (a Weaviate class name: a capital letter, then letters, digits, _)
     */
    public WeaviateKnowledgeIndex(WeaviateClient client, BilingualEmbedder embedder, String prefix) {
        this.client = client;
        this.embedder = embedder;
        for (Language language : Language.values()) collections.put(language, collectionName(prefix, embedder.modelName(language)));
        ensureCollections();
    }

    /** e.g. {@code KnowledgeChunk_BgeSmallEnV15QuantizedEmbeddingModel_384} for the model named {@code …/384}. */
    static String collectionName(String prefix, String modelName) {
        return prefix + "_" + modelName.replaceAll("[^A-Za-z0-9]+", "_");
    }

    public Map<Language, String> collections() {
        return Map.copyOf(collections);
    }

    @Override
    public void add(KnowledgeDocument document, List<ChunkDraft> chunks, Progress progress) {
        if (chunks.isEmpty()) return;
        List<float[]> vectors = embedder.embedChunks(chunks, progress);
        List<WeaviateObject> batch = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            ChunkDraft chunk = chunks.get(i);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(CHUNK_ID, document.chunkId(chunk.ordinal()));
            properties.put(DOC_ID, document.docId());
            properties.put(FILE_NAME, document.fileName());
            properties.put(VENDOR, document.vendor());
            properties.put(VENDOR_KEY, key(document.vendor()));
            properties.put(TAGS, document.tags().toArray(String[]::new));
            properties.put(TAG_KEYS, document.tags().stream().map(WeaviateKnowledgeIndex::key).toArray(String[]::new));
            properties.put(TEXT, chunk.text());
            properties.put(RETRIEVAL_TEXT, chunk.retrievalText());
            properties.put(HEADING_PATH, chunk.headingPath().toArray(String[]::new));
            properties.put(PAGE, chunk.page());
            batch.add(WeaviateObject.builder().className(collections.get(chunk.language()))
                    .id(objectId(document.chunkId(chunk.ordinal()))).properties(properties).vector(boxed(vectors.get(i))).build());
            if (batch.size() == BATCH) write(batch);
        }
        write(batch);
    }

    private void write(List<WeaviateObject> batch) {
        if (batch.isEmpty()) return;
        Result<ObjectGetResponse[]> result = client.batch().objectsBatcher().withObjects(batch.toArray(WeaviateObject[]::new)).run();
        check(result, "store chunks");
        for (ObjectGetResponse response : result.getResult()) {
            if (response.getResult() != null && response.getResult().getErrors() != null) {
                throw new WeaviateFailure("Weaviate refused chunk " + response.getId() + ": " + response.getResult().getErrors());
            }
        }
        batch.clear();
    }

    @Override
    public void deleteDocument(String docId) {
        for (String collection : collections.values()) {
            // a batch delete removes at most the server's query limit at once: repeat until nothing matches
            for (int round = 0; round < MAX_DELETE_ROUNDS; round++) {
                Result<BatchDeleteResponse> result = client.batch().objectsBatchDeleter().withClassName(collection)
                        .withWhere(equal(DOC_ID, docId)).run();
                check(result, "delete document " + docId);
                BatchDeleteResponse.Results outcome = result.getResult().getResults();
                if (outcome == null || outcome.getMatches() == null || outcome.getMatches() == 0) break;
            }
        }
    }

    @Override
    public void deleteChunks(String docId, java.util.Collection<String> chunkIds) {
        if (chunkIds.isEmpty()) return;
        WhereFilter where = WhereFilter.builder().operator(Operator.And).operands(equal(DOC_ID, docId),
                WhereFilter.builder().path(CHUNK_ID).operator(Operator.ContainsAny)
                        .valueText(chunkIds.stream().distinct().toArray(String[]::new)).build()).build();
        for (String collection : collections.values()) {
            check(client.batch().objectsBatchDeleter().withClassName(collection).withWhere(where).run(),
                    "delete chunks of " + docId);
        }
    }

    @Override
    public java.util.Optional<SearchHit> find(String chunkId) {
        for (String collection : collections.values()) {
            Result<GraphQLResponse> result = client.graphQL().get().withClassName(collection)
                    .withWhere(equal(CHUNK_ID, chunkId)).withLimit(1)
                    .withFields(Field.builder().name(CHUNK_ID).build(), Field.builder().name(DOC_ID).build(),
                            Field.builder().name(FILE_NAME).build(), Field.builder().name(VENDOR).build(),
                            Field.builder().name(TAGS).build(), Field.builder().name(TEXT).build(),
                            Field.builder().name(HEADING_PATH).build(), Field.builder().name(PAGE).build())
                    .run();
            check(result, "look up chunk " + chunkId);
            List<Map<String, Object>> rows = rows(result.getResult(), "Get", collection);
            if (!rows.isEmpty()) return java.util.Optional.of(hit(rows.get(0)));
        }
        return java.util.Optional.empty();
    }

    @Override
    public void clear() {
        for (String collection : collections.values()) {
            Result<Boolean> exists = client.schema().exists().withClassName(collection).run();
            check(exists, "look up collection " + collection);
            if (Boolean.TRUE.equals(exists.getResult())) check(client.schema().classDeleter().withClassName(collection).run(),
                    "drop collection " + collection);
        }
        ensureCollections();
    }

    @Override
    public long count() {
        return collections.values().stream().mapToLong(c -> count(c, null)).sum();
    }

    @Override
    public long count(String docId) {
        return collections.values().stream().mapToLong(c -> count(c, equal(DOC_ID, docId))).sum();
    }

    private long count(String collection, WhereFilter where) {
        var aggregate = client.graphQL().aggregate().withClassName(collection)
                .withFields(Field.builder().name("meta").fields(Field.builder().name("count").build()).build());
        if (where != null) aggregate = aggregate.withWhere(where);
        Result<GraphQLResponse> result = aggregate.run();
        check(result, "count chunks");
        List<Map<String, Object>> rows = rows(result.getResult(), "Aggregate", collection);
        if (rows.isEmpty()) return 0;
        Object meta = rows.get(0).get("meta");
        return meta instanceof Map<?, ?> m && m.get("count") instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public List<SearchHit> search(KnowledgeQuery query) {
        QueryVectors vectors = embedder.embedQuery(query.text());
        WhereFilter where = filter(query);
        List<SearchHit> hits = new ArrayList<>();
        for (Language language : Language.values()) {
            String collection = collections.get(language);
            float[] vector = language == Language.CHINESE ? vectors.chinese() : vectors.english();
            // the English collection's keyword side also gets a Chinese question's terms in English, as Lucene's does
            String text = language == Language.ENGLISH ? CrossLingualTerms.withEnglish(query.text()) : query.text();
            var get = client.graphQL().get().withClassName(collection)
                    .withHybrid(HybridArgument.builder().query(text).vector(boxed(vector))
                            .alpha((float) query.weight()).fusionType("relativeScoreFusion")
                            .properties(new String[]{RETRIEVAL_TEXT}).build())
                    .withLimit(query.k())
                    .withFields(Field.builder().name(CHUNK_ID).build(), Field.builder().name(DOC_ID).build(),
                            Field.builder().name(FILE_NAME).build(), Field.builder().name(VENDOR).build(),
                            Field.builder().name(TAGS).build(), Field.builder().name(TEXT).build(),
                            Field.builder().name(HEADING_PATH).build(), Field.builder().name(PAGE).build(),
                            Field.builder().name("_additional").fields(Field.builder().name("score").build()).build());
            if (where != null) get = get.withWhere(where);
            Result<GraphQLResponse> result = get.run();
            check(result, "search");
            for (Map<String, Object> row : rows(result.getResult(), "Get", collection)) hits.add(hit(row));
        }
        return hits.stream().sorted(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::chunkId))
                .limit(query.k()).toList();
    }

    @Override
    public void close() {
        // the client holds no resources that outlive a request
    }

    private void ensureCollections() {
        for (Map.Entry<Language, String> entry : collections.entrySet()) {
            Result<Boolean> exists = client.schema().exists().withClassName(entry.getValue()).run();
            check(exists, "look up collection " + entry.getValue());
            if (Boolean.TRUE.equals(exists.getResult())) continue;
            WeaviateClass collection = WeaviateClass.builder().className(entry.getValue())
                    .description("IP Expert knowledge chunks embedded by " + embedder.modelName(entry.getKey()))
                    .vectorizer("none")
                    .properties(List.of(
                            keyword(CHUNK_ID), keyword(DOC_ID), stored(FILE_NAME, DataType.TEXT), keyword(VENDOR),
                            keyword(VENDOR_KEY), stored(TAGS, DataType.TEXT_ARRAY), keywordArray(TAG_KEYS),
                            stored(TEXT, DataType.TEXT),
                            Property.builder().name(RETRIEVAL_TEXT).dataType(List.of(DataType.TEXT))
                                    // BM25 over Chinese needs words it can match without spaces
                                    .tokenization(entry.getKey() == Language.CHINESE ? "trigram" : "word").build(),
                            stored(HEADING_PATH, DataType.TEXT_ARRAY), stored(PAGE, DataType.INT)))
                    .build();
            Result<Boolean> created = client.schema().classCreator().withClass(collection).run();
            // another instance may have created it a moment ago
            if (created.hasErrors() && !Boolean.TRUE.equals(client.schema().exists().withClassName(entry.getValue()).run().getResult())) {
                check(created, "create collection " + entry.getValue());
            }
        }
    }

    private static Property keyword(String name) {
        return Property.builder().name(name).dataType(List.of(DataType.TEXT)).tokenization("field")
                .indexFilterable(true).indexSearchable(false).build();
    }

    private static Property keywordArray(String name) {
        return Property.builder().name(name).dataType(List.of(DataType.TEXT_ARRAY)).tokenization("field")
                .indexFilterable(true).indexSearchable(false).build();
    }

    private static Property stored(String name, String type) {
        return Property.builder().name(name).dataType(List.of(type)).indexFilterable(false).indexSearchable(false).build();
    }

    private static WhereFilter filter(KnowledgeQuery query) {
        List<WhereFilter> parts = new ArrayList<>();
        if (query.vendor() != null) parts.add(equal(VENDOR_KEY, key(query.vendor())));
        if (!query.tags().isEmpty()) {
            parts.add(WhereFilter.builder().path(TAG_KEYS).operator(Operator.ContainsAny)
                    .valueText(query.tags().stream().map(WeaviateKnowledgeIndex::key).distinct().toArray(String[]::new)).build());
        }
        if (parts.isEmpty()) return null;
        if (parts.size() == 1) return parts.get(0);
        return WhereFilter.builder().operator(Operator.And).operands(parts.toArray(WhereFilter[]::new)).build();
    }

    private static WhereFilter equal(String property, String value) {
        return WhereFilter.builder().path(property).operator(Operator.Equal).valueText(value).build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(GraphQLResponse response, String operation, String collection) {
        if (response.getErrors() != null && response.getErrors().length > 0) {
            throw new WeaviateFailure("Weaviate answered with errors: " + response.getErrors()[0].getMessage());
        }
        if (!(response.getData() instanceof Map<?, ?> data) || !(data.get(operation) instanceof Map<?, ?> byCollection)) {
            return List.of();
        }
        Object rows = byCollection.get(collection);
        return rows instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static SearchHit hit(Map<String, Object> row) {
        Map<String, Object> additional = row.get("_additional") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Object score = additional.get("score"); // GraphQL gives hybrid scores as strings
        double value = score instanceof Number n ? n.doubleValue() : score == null ? 0 : Double.parseDouble(score.toString());
        int page = row.get(PAGE) instanceof Number n ? n.intValue() : 0;
        return new SearchHit(text(row.get(CHUNK_ID)), text(row.get(DOC_ID)), text(row.get(FILE_NAME)), text(row.get(VENDOR)),
                strings(row.get(TAGS)), text(row.get(TEXT)), value, new ChunkLocation(page, strings(row.get(HEADING_PATH))));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) return List.of();
        return list.stream().map(Object::toString).toList();
    }

    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    static String objectId(String chunkId) {
        return UUID.nameUUIDFromBytes(("ipexpert-chunk:" + chunkId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Float[] boxed(float[] vector) {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) boxed[i] = vector[i];
        return boxed;
    }

    private static void check(Result<?> result, String what) {
        if (result.hasErrors()) {
            throw new WeaviateFailure("Weaviate could not " + what + ": " + result.getError().getMessages());
        }
    }

    /** Weaviate refused or could not be reached; the ingestion step that asked fails and is retried. */
    public static final class WeaviateFailure extends RuntimeException {
        WeaviateFailure(String message) {
            super(message);
        }
    }
}
