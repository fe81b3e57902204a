package com.ipexpert.retrieval.index;

import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Language;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.embed.BilingualEmbedder;
import com.ipexpert.retrieval.embed.QueryVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * The embedded knowledge index on Lucene: BM25 over each chunk's text analysed twice (Latin words and
 * SmartChinese words), an HNSW cosine vector field per embedding model, tag and vendor filters applied
 * inside both the keyword and the k-nearest-neighbour search, and {@link HybridFusion} to join them.
 * Lives in a directory given by the caller and survives restarts; every change is committed and visible to
 * the next search when the call returns. Thread-safe: searches run in parallel, changes one at a time.
 */
public final class LuceneKnowledgeIndex implements KnowledgeIndex {
    static final String CHUNK_ID = "chunkId";
    static final String DOC_ID = "docId";
    static final String FILE_NAME = "fileName";
    static final String VENDOR = "vendor";
    static final String VENDOR_KEY = "vendor_key";
    static final String TAG = "tag";
    static final String TAG_KEY = "tag_key";
    static final String TEXT = "text";
    static final String HEADING = "heading";
    static final String PAGE = "page";
    static final String LANGUAGE = "language";
    static final String START = "start";
    static final String END = "end";
    static final String ENGLISH_VECTOR = "vec_en";
    static final String CHINESE_VECTOR = "vec_zh";
    private static final String MODELS = "models";
    private static final Set<String> HIT_FIELDS = Set.of(CHUNK_ID, DOC_ID, FILE_NAME, VENDOR, TAG, TEXT, HEADING, PAGE,
            START, END);
    /**
     * The weight of a Chinese question's English terms against its own words: the best of 0.5, 1.0, 1.5 and 2.0 on the
     * quality gate's dev half (see retrieval/README.md).
     */
    private static final float CROSS_LINGUAL_BOOST = 1.0f;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final BilingualEmbedder embedder;
    private final KnowledgeSettings settings;
    private final QueryBuilder latinQueries;
    private final QueryBuilder chineseQueries;
    private final String models;

    private LuceneKnowledgeIndex(Directory directory, BilingualEmbedder embedder, KnowledgeSettings settings)
            throws IOException {
        this.directory = directory;
        this.embedder = embedder;
        this.settings = settings;
        this.models = embedder.modelName(Language.ENGLISH) + "," + embedder.modelName(Language.CHINESE);
        checkBuiltWithSameModels(directory, models);
        Analyzer latin = KeywordAnalyzers.latin();
        Analyzer chinese = KeywordAnalyzers.chinese();
        this.latinQueries = new QueryBuilder(KeywordAnalyzers.latinQuestion());
        this.chineseQueries = new QueryBuilder(KeywordAnalyzers.chineseQuestion());
        IndexWriterConfig config = new IndexWriterConfig(KeywordAnalyzers.perField(latin, chinese))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.writer.setLiveCommitData(Map.of(MODELS, models).entrySet());
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens, or creates, the index kept in a directory on disk. */
    public static LuceneKnowledgeIndex open(Path path, BilingualEmbedder embedder, KnowledgeSettings settings) {
        try {
            return new LuceneKnowledgeIndex(FSDirectory.open(path), embedder, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the knowledge index at " + path, e);
        }
    }

    /** An index held in memory only, for tests. */
    public static LuceneKnowledgeIndex inMemory(BilingualEmbedder embedder, KnowledgeSettings settings) {
        try {
            return new LuceneKnowledgeIndex(new ByteBuffersDirectory(), embedder, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BilingualEmbedder embedder() {
        return embedder;
    }

    @Override
    public void add(KnowledgeDocument document, List<ChunkDraft> chunks, Progress progress) {
        List<float[]> vectors = embedder.embedChunks(chunks,
                (done, total) -> progress.update(done * 95 / Math.max(1, total), 100));
        addEmbedded(document, chunks, vectors);
        progress.update(100, 100);
    }

    /** Stores chunks whose vectors are already known (one per chunk, of the chunk's language). */
    public synchronized void addEmbedded(KnowledgeDocument document, List<ChunkDraft> chunks, List<float[]> vectors) {
        if (chunks.size() != vectors.size()) throw new IllegalArgumentException("one vector per chunk is needed");
        try {
            for (int i = 0; i < chunks.size(); i++) {
                ChunkDraft chunk = chunks.get(i);
                String chunkId = document.chunkId(chunk.ordinal());
                writer.updateDocument(new Term(CHUNK_ID, chunkId), toDocument(document, chunkId, chunk, vectors.get(i)));
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the chunks of " + document.docId(), e);
        }
    }

    @Override
    public synchronized void deleteDocument(String docId) {
        try {
            writer.deleteDocuments(new Term(DOC_ID, docId));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the chunks of " + docId, e);
        }
    }

    @Override
    public synchronized void deleteChunks(String docId, Collection<String> chunkIds) {
        try {
            for (String chunkId : chunkIds) writer.deleteDocuments(new Term(CHUNK_ID, chunkId));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete chunks of " + docId, e);
        }
    }

    @Override
    public Optional<SearchHit> find(String chunkId) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(new TermQuery(new Term(CHUNK_ID, chunkId)), 1);
                if (top.scoreDocs.length == 0) return Optional.empty();
                return Optional.of(toHit(searcher.storedFields().document(top.scoreDocs[0].doc, HIT_FIELDS), 0));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chunk " + chunkId, e);
        }
    }

    @Override
    public synchronized void clear() {
        try {
            writer.deleteAll();
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the knowledge index", e);
        }
    }

    /** Merges the index into one segment: faster searches after a bulk rebuild, slow on a large index. */
    public synchronized void forceMerge() {
        try {
            writer.forceMerge(1);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public long count(String docId) {
        return withSearcher(searcher -> (long) searcher.count(new TermQuery(new Term(DOC_ID, docId))));
    }

    @Override
    public List<SearchHit> search(KnowledgeQuery query) {
        QueryVectors vectors = settings.semanticShare(query.weight()) > 0 ? embedder.embedQuery(query.text()) : null;
        return search(query, vectors);
    }

    /**
     * A search with the query already embedded ({@code vectors} may be null when the semantic share is 0). The
     * caller's weight becomes a semantic share by {@link KnowledgeSettings#semanticShare}.
     */
    public List<SearchHit> search(KnowledgeQuery query, QueryVectors vectors) {
        double share = settings.semanticShare(query.weight());
        return withSearcher(searcher -> {
            Query filter = filterFor(query);
            // Keyword hits are needed even at weight 1: their languages set the vector fields' shares.
            List<Ranked<Integer>> keyword = keywordRanking(searcher, query.text(), filter);
            List<Ranked<Integer>> english = List.of();
            List<Ranked<Integer>> chinese = List.of();
            FieldWeights fields = FieldWeights.equal();
            if (share > 0) {
                Objects.requireNonNull(vectors, "a query with a semantic weight needs its vectors");
                english = vectorRanking(searcher, ENGLISH_VECTOR, vectors.english(), filter);
                chinese = vectorRanking(searcher, CHINESE_VECTOR, vectors.chinese(), filter);
                fields = FieldWeights.fromKeywordHits(languagesOf(searcher, keyword), settings.minFieldWeight());
            }
            List<Ranked<Integer>> fused = HybridFusion.fuse(share < 1 ? keyword : List.of(), english, chinese,
                    share, fields, settings.fusion(), settings.rrfK(), query.k());
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(fused.size());
            for (Ranked<Integer> r : fused) hits.add(toHit(stored.document(r.key(), HIT_FIELDS), r.score()));
            return hits;
        });
    }

    /** Every retriever's own ranking for a query, before fusion, by chunk id, with the field shares. */
    public RetrieverRankings rankings(KnowledgeQuery query, QueryVectors vectors) {
        return withSearcher(searcher -> {
            Query filter = filterFor(query);
            StoredFields stored = searcher.storedFields();
            List<Ranked<Integer>> keyword = keywordRanking(searcher, query.text(), filter);
            return new RetrieverRankings(
                    byChunkId(stored, keyword),
                    byChunkId(stored, vectorRanking(searcher, ENGLISH_VECTOR, vectors.english(), filter)),
                    byChunkId(stored, vectorRanking(searcher, CHINESE_VECTOR, vectors.chinese(), filter)),
                    FieldWeights.fromKeywordHits(languagesOf(searcher, keyword), settings.minFieldWeight()));
        });
    }

    private static List<Language> languagesOf(IndexSearcher searcher, List<Ranked<Integer>> keyword) throws IOException {
        List<Language> languages = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (Ranked<Integer> hit : keyword.subList(0, Math.min(FieldWeights.KEYWORD_HITS_CONSIDERED, keyword.size()))) {
            languages.add(Language.valueOf(stored.document(hit.key(), Set.of(LANGUAGE)).get(LANGUAGE)));
        }
        return languages;
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the knowledge index", e);
        }
    }

    private List<Ranked<Integer>> keywordRanking(IndexSearcher searcher, String text, Query filter) throws IOException {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        Query latin = latinQueries.createBooleanQuery(KeywordAnalyzers.LATIN_FIELD, text, Occur.SHOULD);
        Query chinese = chineseQueries.createBooleanQuery(KeywordAnalyzers.CHINESE_FIELD, text, Occur.SHOULD);
        if (latin == null && chinese == null) return List.of();
        if (latin != null) words.add(latin, Occur.SHOULD);
        if (chinese != null) words.add(chinese, Occur.SHOULD);
        // a Chinese question's terms in English too, so it also meets English manuals (weighed below its own words)
        String english = CrossLingualTerms.english(text);
        Query translated = english.isEmpty() ? null
                : latinQueries.createBooleanQuery(KeywordAnalyzers.LATIN_FIELD, english, Occur.SHOULD);
        if (translated != null) words.add(new BoostQuery(translated, CROSS_LINGUAL_BOOST), Occur.SHOULD);
        Query query = words.build();
        if (filter != null) {
            query = new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
        }
        List<Ranked<Integer>> hits = ranked(searcher.search(query, settings.keywordCandidates()).scoreDocs);
        if (settings.termCoverageGain() <= 0) return hits;
        // the question's terms as the analyzers made them for the query, per field
        Set<Term> latinTerms = new HashSet<>();
        Set<Term> chineseTerms = new HashSet<>();
        if (latin != null) latin.visit(QueryVisitor.termCollector(latinTerms));
        if (translated != null) translated.visit(QueryVisitor.termCollector(latinTerms));
        if (chinese != null) chinese.visit(QueryVisitor.termCollector(chineseTerms));
        return withTermCoverage(searcher, latinTerms, chineseTerms, hits);
    }

    /**
     * Each keyword hit's score times 1 + gain x the share of the question's distinct terms it holds, in the keyword
     * field where that share is highest (a Chinese question's English terms count in the Latin field), best first
     * again. BM25 lets a chunk that repeats one rare term of the question pass one that holds all of them; this
     * leans back towards the chunk that answers the whole question.
     */
    private List<Ranked<Integer>> withTermCoverage(IndexSearcher searcher, Set<Term> latin, Set<Term> chinese,
                                                   List<Ranked<Integer>> hits) throws IOException {
        if (hits.isEmpty()) return hits;
        double[] coverage = new double[hits.size()];
        held(searcher, KeywordAnalyzers.LATIN_FIELD, latin, hits, coverage);
        held(searcher, KeywordAnalyzers.CHINESE_FIELD, chinese, hits, coverage);
        double gain = settings.termCoverageGain();
        List<Ranked<Integer>> scaled = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            Ranked<Integer> hit = hits.get(i);
            scaled.add(new Ranked<>(hit.key(), (float) (hit.score() * (1 + gain * coverage[i]))));
        }
        scaled.sort(Comparator.comparing((Ranked<Integer> r) -> r.score()).reversed());
        return scaled;
    }

    /** Raises each hit's coverage to the share of {@code terms} its text holds in {@code field}, if that is higher. */
    private static void held(IndexSearcher searcher, String field, Set<Term> terms, List<Ranked<Integer>> hits,
                             double[] coverage) throws IOException {
        if (terms.isEmpty()) return;
        int[] count = new int[hits.size()];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<Integer, List<Integer>> byLeaf = new HashMap<>();
        for (int i = 0; i < hits.size(); i++) {
            byLeaf.computeIfAbsent(ReaderUtil.subIndex(hits.get(i).key(), leaves), x -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<Integer, List<Integer>> leaf : byLeaf.entrySet()) {
            LeafReaderContext context = leaves.get(leaf.getKey());
            Terms indexed = context.reader().terms(field);
            if (indexed == null) continue;
            List<Integer> positions = leaf.getValue();
            positions.sort(Comparator.comparing(i -> hits.get(i).key()));
            TermsEnum iterator = indexed.iterator();
            for (Term term : terms) {
                if (!iterator.seekExact(term.bytes())) continue;
                PostingsEnum postings = iterator.postings(null, PostingsEnum.NONE);
                for (int i : positions) {
                    int target = hits.get(i).key() - context.docBase;
                    int at = postings.docID() >= target ? postings.docID() : postings.advance(target);
                    if (at == PostingsEnum.NO_MORE_DOCS) break;
                    if (at == target) count[i]++;
                }
            }
        }
        for (int i = 0; i < hits.size(); i++) coverage[i] = Math.max(coverage[i], count[i] / (double) terms.size());
    }

    private List<Ranked<Integer>> vectorRanking(IndexSearcher searcher, String field, float[] vector, Query filter)
            throws IOException {
        Query knn = new KnnFloatVectorQuery(field, vector, settings.vectorCandidates(), filter);
        return ranked(searcher.search(knn, settings.vectorCandidates()).scoreDocs);
    }

    private static List<Ranked<Integer>> ranked(ScoreDoc[] docs) {
        List<Ranked<Integer>> ranking = new ArrayList<>(docs.length);
        for (ScoreDoc d : docs) ranking.add(new Ranked<>(d.doc, d.score));
        return ranking;
    }

    private static List<Ranked<String>> byChunkId(StoredFields stored, List<Ranked<Integer>> ranking) throws IOException {
        List<Ranked<String>> out = new ArrayList<>(ranking.size());
        for (Ranked<Integer> r : ranking) out.add(new Ranked<>(stored.document(r.key(), Set.of(CHUNK_ID)).get(CHUNK_ID), r.score()));
        return out;
    }

    private static Query filterFor(KnowledgeQuery query) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        boolean any = false;
        if (query.vendor() != null) {
            filter.add(new TermQuery(new Term(VENDOR_KEY, key(query.vendor()))), Occur.FILTER);
            any = true;
        }
        if (!query.tags().isEmpty()) {
            List<BytesRef> tags = query.tags().stream().map(t -> new BytesRef(key(t))).toList();
            filter.add(new TermInSetQuery(TAG_KEY, tags), Occur.FILTER);
            any = true;
        }
        return any ? filter.build() : null;
    }

    private static Document toDocument(KnowledgeDocument document, String chunkId, ChunkDraft chunk, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(CHUNK_ID, chunkId, Field.Store.YES));
        doc.add(new StringField(DOC_ID, document.docId(), Field.Store.YES));
        doc.add(new StoredField(FILE_NAME, document.fileName()));
        doc.add(new StoredField(VENDOR, document.vendor()));
        doc.add(new StringField(VENDOR_KEY, key(document.vendor()), Field.Store.NO));
        for (String tag : document.tags()) {
            doc.add(new StoredField(TAG, tag));
            doc.add(new StringField(TAG_KEY, key(tag), Field.Store.NO));
        }
        doc.add(new StoredField(TEXT, chunk.text()));
        for (String heading : chunk.headingPath()) doc.add(new StoredField(HEADING, heading));
        doc.add(new StoredField(PAGE, chunk.page()));
        doc.add(new StoredField(START, chunk.start()));
        doc.add(new StoredField(END, chunk.end()));
        doc.add(new StringField(LANGUAGE, chunk.language().name(), Field.Store.YES));
        String retrievalText = chunk.retrievalText();
        doc.add(new TextField(KeywordAnalyzers.LATIN_FIELD, retrievalText, Field.Store.NO));
        doc.add(new TextField(KeywordAnalyzers.CHINESE_FIELD, retrievalText, Field.Store.NO));
        String field = chunk.language() == Language.CHINESE ? CHINESE_VECTOR : ENGLISH_VECTOR;
        doc.add(new KnnFloatVectorField(field, vector, VectorSimilarityFunction.COSINE));
        return doc;
    }

    private static SearchHit toHit(Document doc, double score) {
        String chunkId = doc.get(CHUNK_ID);
        return new SearchHit(chunkId, doc.get(DOC_ID), doc.get(FILE_NAME), doc.get(VENDOR), List.of(doc.getValues(TAG)),
                doc.get(TEXT), score, new ChunkLocation(doc.getField(PAGE).numericValue().intValue(),
                List.of(doc.getValues(HEADING)), intOf(doc, START), intOf(doc, END)));
    }

    /** Chunks indexed before ranges were kept have none. */
    private static int intOf(Document doc, String field) {
        var value = doc.getField(field);
        return value == null ? -1 : value.numericValue().intValue();
    }

    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(MODELS, models).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static void checkBuiltWithSameModels(Directory directory, String models) throws IOException {
        if (!DirectoryReader.indexExists(directory)) return;
        String builtWith = SegmentInfos.readLatestCommit(directory).getUserData().get(MODELS);
        if (builtWith != null && !builtWith.equals(models)) {
            throw new IllegalStateException("the knowledge index was built with " + builtWith + " but the engine now uses "
                    + models + "; clear it and index the documents again");
        }
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the knowledge index could not be searched", e);
        }
    }
}
