package com.ipexpert.retrieval.embed;

import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Language;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The embed stage: English text through BGE-small-en v1.5 (384 dimensions), Chinese text through
 * BGE-small-zh v1.5 (512 dimensions), both quantized ONNX models running in process from their Maven jars.
 * Chunks go to the model of their language in batches; a query goes through both, because the index keeps a
 * vector field per model. Thread-safe.
 */
public final class BilingualEmbedder {
    /** BGE's instruction for short retrieval queries (not for passages). */
    public static final String ENGLISH_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
    public static final String CHINESE_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    /** How long a query waits for models still loading before it is refused (see {@link KnowledgeEngineLoading}). */
    public static final Duration DEFAULT_QUERY_WAIT = Duration.ofSeconds(30);

    private record Models(EmbeddingModel english, EmbeddingModel chinese) {}

    private final CompletableFuture<Models> models;
    private final String englishName;
    private final String chineseName;
    private final int englishDimension;
    private final int chineseDimension;
    private final KnowledgeSettings settings;
    private final Duration queryWait;
    private volatile long loadMillis = -1;

    public BilingualEmbedder(EmbeddingModel english, EmbeddingModel chinese, KnowledgeSettings settings) {
        Objects.requireNonNull(english, "english");
        Objects.requireNonNull(chinese, "chinese");
        this.models = CompletableFuture.completedFuture(new Models(english, chinese));
        this.englishName = english.getClass().getSimpleName();
        this.chineseName = chinese.getClass().getSimpleName();
        this.englishDimension = english.dimension();
        this.chineseDimension = chinese.dimension();
        this.settings = settings;
        this.queryWait = DEFAULT_QUERY_WAIT;
        this.loadMillis = 0;
    }

    /** Models named and sized up front, loaded on a thread of their own from {@code english} and {@code chinese}. */
    BilingualEmbedder(String englishName, int englishDimension, String chineseName, int chineseDimension,
                      Supplier<EmbeddingModel> english, Supplier<EmbeddingModel> chinese,
                      KnowledgeSettings settings, Duration queryWait) {
        this.englishName = englishName;
        this.chineseName = chineseName;
        this.englishDimension = englishDimension;
        this.chineseDimension = chineseDimension;
        this.settings = settings;
        this.queryWait = Objects.requireNonNull(queryWait, "queryWait");
        this.models = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            long started = System.nanoTime();
            try {
                Models loaded = new Models(english.get(), chinese.get());
                loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                models.complete(loaded);
            } catch (Throwable e) {
                models.completeExceptionally(e);
            }
        }, "knowledge-models");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * The two BGE-small models, loaded on a thread of their own (about 40 MB of quantized ONNX, several seconds), so
     * the caller goes on at once: {@link #ready()} says when they are there; embedding waits for them, a query at
     * most {@link #DEFAULT_QUERY_WAIT}.
     */
    public static BilingualEmbedder bge(KnowledgeSettings settings) {
        return bge(settings, DEFAULT_QUERY_WAIT);
    }

    /** The BGE models, loading in the background; a query waits for them at most {@code queryWait}. */
    public static BilingualEmbedder bge(KnowledgeSettings settings, Duration queryWait) {
        return bge(settings, queryWait, null);
    }

    /**
     * The BGE models, loading in the background, with ONNX Runtime's native libraries kept in {@code nativeLibraries}
     * (see {@link OnnxRuntimeLibraries}; null: ONNX Runtime extracts them to a temporary directory of its own).
     */
    public static BilingualEmbedder bge(KnowledgeSettings settings, Duration queryWait, Path nativeLibraries) {
        // The names and dimensions are the models' own (class name / dimension), known without loading them, so an
        // index can check it was built with the same models before they are there.
        Supplier<EmbeddingModel> english = () -> {
            // on the loading thread, before the first model touches ONNX Runtime
            if (nativeLibraries != null) OnnxRuntimeLibraries.useFrom(nativeLibraries);
            return new BgeSmallEnV15QuantizedEmbeddingModel();
        };
        return new BilingualEmbedder(BgeSmallEnV15QuantizedEmbeddingModel.class.getSimpleName(), 384,
                BgeSmallZhV15QuantizedEmbeddingModel.class.getSimpleName(), 512,
                english, BgeSmallZhV15QuantizedEmbeddingModel::new, settings, queryWait);
    }

    /** Whether both models are loaded and embedding answers at once. */
    public boolean ready() {
        return models.isDone() && !models.isCompletedExceptionally();
    }

    /** Why the models could not be loaded, once that is known. */
    public Optional<Throwable> failure() {
        if (!models.isCompletedExceptionally()) return Optional.empty();
        try {
            models.join();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getCause() == null ? e : e.getCause());
        }
    }

    /** Runs {@code action} once the models are loaded (at once if they are); not if they fail to load. */
    public void whenReady(Runnable action) {
        models.thenRun(action);
    }

    /** How long loading the models took, once they are loaded (0 for models given ready); -1 before. */
    public long loadMillis() {
        return ready() ? loadMillis : -1;
    }

    /** Waits at most {@code wait} for the models; refuses with {@link KnowledgeEngineLoading} if they are not there. */
    public void awaitReady(Duration wait) {
        models(wait);
    }

    private Models models(Duration wait) {
        try {
            return wait == null ? models.get() : models.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new KnowledgeEngineLoading(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KnowledgeEngineLoading(wait);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the embedding models could not be loaded: " + e.getCause(), e.getCause());
        }
    }

    public int dimension(Language language) {
        return language == Language.CHINESE ? chineseDimension : englishDimension;
    }

    /** A name for the model of a language, to tell whether an index was built with the same models. */
    public String modelName(Language language) {
        return (language == Language.CHINESE ? chineseName : englishName) + "/" + dimension(language);
    }

    /**
     * Embeds texts of one language in batches, telling {@code progress} after each batch. Waits for the models if
     * they are still loading (ingestion runs in the background and has its own deadline).
     */
    public List<float[]> embed(List<String> texts, Language language, Progress progress) {
        if (texts.isEmpty()) return List.of();
        EmbeddingModel model = model(language, null);
        List<float[]> vectors = new ArrayList<>(texts.size());
        int batch = settings.embeddingBatchSize();
        for (int from = 0; from < texts.size(); from += batch) {
            List<TextSegment> segments = texts.subList(from, Math.min(texts.size(), from + batch)).stream()
                    .map(TextSegment::from).toList();
            for (Embedding embedding : model.embedAll(segments).content()) vectors.add(embedding.vector());
            progress.update(vectors.size(), texts.size());
        }
        return vectors;
    }

    /** One vector per chunk, in the chunks' order, each from the model of the chunk's language. */
    public List<float[]> embedChunks(List<ChunkDraft> chunks, Progress progress) {
        float[][] vectors = new float[chunks.size()][];
        int[] done = {0};
        for (Language language : Language.values()) {
            List<Integer> positions = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                if (chunks.get(i).language() == language) {
                    positions.add(i);
                    texts.add(chunks.get(i).retrievalText());
                }
            }
            int before = done[0];
            List<float[]> embedded = embed(texts, language, (d, t) -> progress.update(before + d, chunks.size()));
            for (int i = 0; i < positions.size(); i++) vectors[positions.get(i)] = embedded.get(i);
            done[0] += texts.size();
        }
        return List.of(vectors);
    }

    /**
     * The query through both models, with BGE's query instruction when the settings ask for it. While the models
     * are still loading the query waits for them at most the query wait, then is refused with
     * {@link KnowledgeEngineLoading}: never an answer from one retriever alone.
     */
    public QueryVectors embedQuery(String query) {
        return embedQuery(query, settings.queryInstruction());
    }

    public QueryVectors embedQuery(String query, boolean instruction) {
        String englishText = instruction ? ENGLISH_INSTRUCTION + query : query;
        String chineseText = instruction ? CHINESE_INSTRUCTION + query : query;
        Models m = models(queryWait);
        return new QueryVectors(m.english().embed(englishText).content().vector(),
                m.chinese().embed(chineseText).content().vector());
    }

    private EmbeddingModel model(Language language, Duration wait) {
        Models m = models(wait);
        return language == Language.CHINESE ? m.chinese() : m.english();
    }
}
