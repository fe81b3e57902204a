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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    private final EmbeddingModel english;
    private final EmbeddingModel chinese;
    private final KnowledgeSettings settings;

    public BilingualEmbedder(EmbeddingModel english, EmbeddingModel chinese, KnowledgeSettings settings) {
        this.english = Objects.requireNonNull(english, "english");
        this.chinese = Objects.requireNonNull(chinese, "chinese");
        this.settings = settings;
    }

    /** The two BGE-small models; the first call loads them (about 60 MB, a few seconds). */
    public static BilingualEmbedder bge(KnowledgeSettings settings) {
        return new BilingualEmbedder(new BgeSmallEnV15QuantizedEmbeddingModel(),
                new BgeSmallZhV15QuantizedEmbeddingModel(), settings);
    }

    public int dimension(Language language) {
        return model(language).dimension();
    }

    /** A name for the model of a language, to tell whether an index was built with the same models. */
    public String modelName(Language language) {
        return model(language).getClass().getSimpleName() + "/" + dimension(language);
    }

    /** Embeds texts of one language in batches, telling {@code progress} after each batch. */
    public List<float[]> embed(List<String> texts, Language language, Progress progress) {
        EmbeddingModel model = model(language);
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

    /** The query through both models, with BGE's query instruction when the settings ask for it. */
    public QueryVectors embedQuery(String query) {
        return embedQuery(query, settings.queryInstruction());
    }

    public QueryVectors embedQuery(String query, boolean instruction) {
        String englishText = instruction ? ENGLISH_INSTRUCTION + query : query;
        String chineseText = instruction ? CHINESE_INSTRUCTION + query : query;
        return new QueryVectors(english.embed(englishText).content().vector(),
                chinese.embed(chineseText).content().vector());
    }

    private EmbeddingModel model(Language language) {
        return language == Language.CHINESE ? chinese : english;
    }
}
