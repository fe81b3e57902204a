package com.ipexpert.retrieval;

import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.chunk.ManualChunker;
import com.ipexpert.retrieval.embed.BilingualEmbedder;
import com.ipexpert.retrieval.index.KnowledgeDocument;
import com.ipexpert.retrieval.index.KnowledgeIndex;
import com.ipexpert.retrieval.index.LuceneKnowledgeIndex;
import com.ipexpert.retrieval.parse.DocumentFormat;
import com.ipexpert.retrieval.parse.DocumentParser;
import com.ipexpert.retrieval.parse.ParsedDocument;
import java.nio.file.Path;
import java.util.List;

/**
 * Ingestion as three stages a saga can run as separate steps, each taking the previous stage's output as a
 * plain value: {@link #parse} gives a {@link ParsedDocument}, {@link #chunk} gives {@link ChunkDraft}s,
 * {@link #index} embeds and stores them. Vectors never leave the index stage, so an index can be rebuilt
 * from the chunk records alone.
 */
public final class KnowledgePipeline {

    /** The steps of ingestion, for progress reports. */
    public enum Stage { PARSE, CHUNK, INDEX }

    /** Progress of a whole ingestion: the stage running and its percentage. */
    @FunctionalInterface
    public interface StageProgress {
        void update(Stage stage, int percent);
    }

    private final DocumentParser parser;
    private final ManualChunker chunker;
    private final KnowledgeIndex index;

    public KnowledgePipeline(DocumentParser parser, ManualChunker chunker, KnowledgeIndex index) {
        this.parser = parser;
        this.chunker = chunker;
        this.index = index;
    }

    /** The usual engine: Tika parsing, manual-aware chunking, BGE embeddings and a Lucene index on disk. */
    public static KnowledgePipeline onDisk(Path indexDirectory, KnowledgeSettings settings) {
        return onDisk(indexDirectory, settings, new DocumentParser(settings));
    }

    /** The usual engine with a parser of the caller's (its OCR found by the caller's probe). */
    public static KnowledgePipeline onDisk(Path indexDirectory, KnowledgeSettings settings, DocumentParser parser) {
        return onDisk(indexDirectory, settings, parser, BilingualEmbedder.bge(settings));
    }

    /** The usual engine with the caller's parser and embedder (whose models may still be loading). */
    public static KnowledgePipeline onDisk(Path indexDirectory, KnowledgeSettings settings, DocumentParser parser,
                                           BilingualEmbedder embedder) {
        return new KnowledgePipeline(parser, new ManualChunker(settings),
                LuceneKnowledgeIndex.open(indexDirectory, embedder, settings));
    }

    public KnowledgeIndex index() {
        return index;
    }

    /** Builds the document parsers now instead of at the first upload; see {@link DocumentParser#prepare}. */
    public void prepare() {
        parser.prepare();
    }

    /** Checks an upload's format by content against its name; see {@link DocumentParser#detect}. */
    public DocumentFormat detect(String fileName, byte[] content) {
        return parser.detect(fileName, content);
    }

    public ParsedDocument parse(String fileName, byte[] content, Progress progress) {
        return parser.parse(fileName, content, progress);
    }

    public List<ChunkDraft> chunk(ParsedDocument document, Progress progress) {
        return chunker.chunk(document, progress);
    }

    /** Embeds and stores the chunks, replacing whatever the index held for the document before. */
    public void index(KnowledgeDocument document, List<ChunkDraft> chunks, Progress progress) {
        index.deleteDocument(document.docId());
        index.add(document, chunks, progress);
    }

    /** All three stages in one call, for tools and tests; returns the chunks stored. */
    public List<ChunkDraft> ingest(KnowledgeDocument document, byte[] content, StageProgress progress) {
        ParsedDocument parsed = parse(document.fileName(), content, (d, t) -> progress.update(Stage.PARSE, Progress.percent(d, t)));
        List<ChunkDraft> chunks = chunk(parsed, (d, t) -> progress.update(Stage.CHUNK, Progress.percent(d, t)));
        index(document, chunks, (d, t) -> progress.update(Stage.INDEX, Progress.percent(d, t)));
        return chunks;
    }
}
