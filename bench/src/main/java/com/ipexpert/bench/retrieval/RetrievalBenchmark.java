package com.ipexpert.bench.retrieval;

import com.ipexpert.bench.BenchArgs;
import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Language;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.chunk.ManualChunker;
import com.ipexpert.retrieval.embed.BilingualEmbedder;
import com.ipexpert.retrieval.embed.QueryVectors;
import com.ipexpert.retrieval.index.KnowledgeDocument;
import com.ipexpert.retrieval.index.KnowledgeQuery;
import com.ipexpert.retrieval.index.LuceneKnowledgeIndex;
import com.ipexpert.retrieval.parse.DocumentParser;
import com.ipexpert.retrieval.parse.OcrSupport;
import com.ipexpert.retrieval.parse.ParsedDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The knowledge engine's speed: raw embedding throughput of each BGE model, ingestion through the parse, chunk
 * and index stages (and how much of it is not embedding), and search latency p50/p95 at 10,000 and 100,000
 * chunks, without and with embedding the query, next to a bare Lucene hybrid query on the same index.
 *
 * <p>The large indexes are synthetic: every real chunk of the evaluation corpus is copied with a few words
 * changed, and its real embedding perturbed by Gaussian noise and renormalised (cosine about 0.9 to the
 * original), because embedding 100,000 chunks would take about an hour on two cores.
 *
 * <p>Arguments (all optional): {@code corpus=retrieval/src/test/resources/eval/corpus
 * questions=retrieval/src/test/resources/eval/questions.tsv sizes=10000,100000 queries=200 embed=256
 * pdfPages=60 dir=<temp>}. A quick run: {@code sizes=2000 queries=30 embed=32 pdfPages=10}.
 */
public final class RetrievalBenchmark {
    private static final int WARM_UP = 100;
    private static final List<String> VENDORS = List.of("Huawei", "Cisco", "H3C", "Juniper", "ZTE", "Ruijie");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        Path corpus = Path.of(opts.getOrDefault("corpus", "retrieval/src/test/resources/eval/corpus"));
        Path questionsFile = Path.of(opts.getOrDefault("questions", "retrieval/src/test/resources/eval/questions.tsv"));
        List<Integer> sizes = Stream.of(opts.getOrDefault("sizes", "10000,100000").split(",")).map(Integer::parseInt).toList();
        int queryCount = Integer.parseInt(opts.getOrDefault("queries", "200"));
        int embedCount = Integer.parseInt(opts.getOrDefault("embed", "256"));
        int pdfPages = Integer.parseInt(opts.getOrDefault("pdfPages", "60"));
        Path work = opts.containsKey("dir") ? Path.of(opts.get("dir")) : Files.createTempDirectory("retrieval-bench");

        KnowledgeSettings settings = KnowledgeSettings.defaults();
        DocumentParser parser = new DocumentParser(settings, OcrSupport.absent());
        ManualChunker chunker = new ManualChunker(settings);
        long loadStart = System.nanoTime();
        BilingualEmbedder embedder = BilingualEmbedder.bge(settings);
        embedder.awaitReady(java.time.Duration.ofMinutes(10)); // the models load in the background
        embedder.embedQuery("warm up");
        System.out.printf("machine: %d cores, JVM max heap %d MB, load average %s; models loaded in %.1f s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage(),
                seconds(loadStart));

        // The corpus through parse and chunk.
        List<Corpus> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                byte[] bytes = Files.readAllBytes(file);
                ParsedDocument parsed = parser.parse(name, bytes, Progress.none());
                documents.add(new Corpus(name, bytes, parsed, chunker.chunk(parsed, Progress.none())));
            }
        }
        List<ChunkDraft> allChunks = documents.stream().flatMap(d -> d.chunks().stream()).toList();
        System.out.printf("corpus: %d files, %d chunks (%d English, %d Chinese)%n%n", documents.size(), allChunks.size(),
                allChunks.stream().filter(c -> c.language() == Language.ENGLISH).count(),
                allChunks.stream().filter(c -> c.language() == Language.CHINESE).count());

        rawEmbedding(embedder, allChunks, embedCount);
        // The corpus chunks' real vectors, embedded during ingestion, seed the synthetic indexes.
        List<float[]> seedVectors = ingestion(settings, parser, chunker, embedder, documents, pdfPages, work);
        List<String> questions = Files.readAllLines(questionsFile, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")[4]).toList();

        System.out.printf("%nsearch latency, single client, k=10, %d queries (the evaluation questions, cycled)%n", queryCount);
        System.out.printf("%-9s %-52s %9s %9s%n", "chunks", "search", "p50 ms", "p95 ms");
        for (int size : sizes) {
            search(settings, embedder, allChunks, seedVectors, questions, size, queryCount, work.resolve("index-" + size));
        }
        System.out.printf("%nload average at the end %s (other processes on the machine skew every figure)%n", loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void rawEmbedding(BilingualEmbedder embedder, List<ChunkDraft> chunks, int count) {
        System.out.println("raw embedding throughput (BilingualEmbedder.embed, batches of 32, the model's own thread pool)");
        for (Language language : Language.values()) {
            List<String> texts = new ArrayList<>();
            List<ChunkDraft> ofLanguage = chunks.stream().filter(c -> c.language() == language).toList();
            for (int i = 0; texts.size() < count; i++) texts.add(ofLanguage.get(i % ofLanguage.size()).retrievalText());
            embedder.embed(texts.subList(0, Math.min(8, texts.size())), language, Progress.none());
            long start = System.nanoTime();
            embedder.embed(texts, language, Progress.none());
            double elapsed = seconds(start);
            double averageChars = texts.stream().mapToInt(String::length).average().orElse(0);
            System.out.printf("  %-8s %-40s %7.1f chunks/s  (%d chunks, %.0f chars on average)%n", language,
                    embedder.modelName(language), texts.size() / elapsed, texts.size(), averageChars);
        }
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) embedder.embedQuery("how do I reset a stuck OSPF neighbour " + i);
        System.out.printf("  query through both models: %.1f ms each%n", seconds(start) * 1000 / 50);
    }

    /** Times each stage on its own; returns the corpus chunks' vectors, the seeds of the synthetic indexes. */
    private static List<float[]> ingestion(KnowledgeSettings settings, DocumentParser parser, ManualChunker chunker,
                                           BilingualEmbedder embedder, List<Corpus> documents, int pdfPages, Path work)
            throws IOException {
        System.out.println();
        System.out.println("ingestion through the stages: parse, chunk, embed, write (index.add = embed + write)");
        byte[] pdf = manualPdf(documents, pdfPages);
        try (LuceneKnowledgeIndex warmUp = LuceneKnowledgeIndex.inMemory(embedder, settings)) {
            // Loads the SmartChinese dictionaries and Tika's PDF classes once, outside the figures.
            warmUp.add(new KnowledgeDocument("warm", "warm.md", "", List.of()),
                    chunker.chunk(parser.parse("warm.pdf", manualPdf(documents, 1), Progress.none()), Progress.none()),
                    Progress.none());
        }
        List<float[]> corpusVectors = new ArrayList<>();
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(work.resolve("ingest"), embedder, settings)) {
            index.clear();
            Stages pdfStages = new Stages();
            ParsedDocument parsed = pdfStages.parse(() -> parser.parse("manual.pdf", pdf, Progress.none()));
            List<ChunkDraft> chunks = pdfStages.chunk(() -> chunker.chunk(parsed, Progress.none()));
            List<float[]> vectors = pdfStages.embed(() -> embedder.embedChunks(chunks, Progress.none()));
            pdfStages.write(() -> index.addEmbedded(new KnowledgeDocument("pdf", "manual.pdf", "Huawei", List.of()), chunks, vectors));
            System.out.printf("  PDF, %d pages (%.0f KB) -> %d chunks: %s%n", parsed.pageCount(), pdf.length / 1024.0,
                    chunks.size(), pdfStages);
            System.out.printf("    %.1f pages/s and %.1f chunks/s end to end; parsing alone %.1f pages/s%n",
                    parsed.pageCount() / pdfStages.total(), chunks.size() / pdfStages.total(), parsed.pageCount() / pdfStages.parse);

            Stages corpusStages = new Stages();
            int corpusChunks = 0;
            for (Corpus document : documents) {
                ParsedDocument p = corpusStages.parse(() -> parser.parse(document.name(), document.bytes(), Progress.none()));
                List<ChunkDraft> c = corpusStages.chunk(() -> chunker.chunk(p, Progress.none()));
                List<float[]> v = corpusStages.embed(() -> embedder.embedChunks(c, Progress.none()));
                corpusStages.write(() -> index.addEmbedded(new KnowledgeDocument(document.name(), document.name(), "FRR",
                        List.of()), c, v));
                corpusVectors.addAll(v);
                corpusChunks += c.size();
            }
            System.out.printf("  markdown/text corpus, %d files -> %d chunks: %s%n", documents.size(), corpusChunks, corpusStages);
            System.out.printf("    %.1f chunks/s end to end%n", corpusChunks / corpusStages.total());
        }
        return corpusVectors;
    }

    /** Wall time per stage, and the share that is not embedding. */
    private static final class Stages {
        double parse;
        double chunk;
        double embed;
        double write;

        interface Step<T> {
            T get() throws IOException;
        }

        <T> T parse(Step<T> step) throws IOException {
            long start = System.nanoTime();
            T out = step.get();
            parse += seconds(start);
            return out;
        }

        <T> T chunk(Step<T> step) throws IOException {
            long start = System.nanoTime();
            T out = step.get();
            chunk += seconds(start);
            return out;
        }

        <T> T embed(Step<T> step) throws IOException {
            long start = System.nanoTime();
            T out = step.get();
            embed += seconds(start);
            return out;
        }

        void write(Runnable step) {
            long start = System.nanoTime();
            step.run();
            write += seconds(start);
        }

        double total() {
            return parse + chunk + embed + write;
        }

        @Override
        public String toString() {
            return String.format("parse %.2f s, chunk %.3f s, embed %.2f s, write %.2f s; %.0f%% of %.1f s is not embedding",
                    parse, chunk, embed, write, 100 * (total() - embed) / total(), total());
        }
    }

    private static void search(KnowledgeSettings settings, BilingualEmbedder embedder, List<ChunkDraft> seeds,
                               List<float[]> seedVectors, List<String> questions, int size, int queryCount, Path dir)
            throws IOException {
        Random random = new Random(size);
        long buildStart = System.nanoTime();
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(dir, embedder, settings)) {
            index.clear();
            int batch = 2_000;
            for (int from = 0; from < size; from += batch) {
                List<ChunkDraft> chunks = new ArrayList<>();
                List<float[]> vectors = new ArrayList<>();
                for (int i = from; i < Math.min(size, from + batch); i++) {
                    int seed = i % seeds.size();
                    ChunkDraft original = seeds.get(seed);
                    chunks.add(new ChunkDraft(i - from, i < seeds.size() ? original.text() : vary(original.text(), random),
                            original.headingPath(), original.page(), original.language()));
                    vectors.add(i < seeds.size() ? seedVectors.get(seed) : perturb(seedVectors.get(seed), random));
                }
                String vendor = VENDORS.get((from / batch) % VENDORS.size());
                index.addEmbedded(new KnowledgeDocument("synthetic-" + from, "synthetic-" + from + ".pdf", vendor,
                        List.of("tag" + (from / batch) % 4)), chunks, vectors);
            }
            double build = seconds(buildStart);
            System.out.printf("%-9d index built in %.1f s (%.0f chunks/s, vectors given)%n", index.count(), build, size / build);

            List<String> texts = new ArrayList<>();
            List<QueryVectors> vectors = new ArrayList<>();
            for (int i = 0; i < queryCount + WARM_UP; i++) {
                String question = questions.get(i % questions.size());
                texts.add(question);
                vectors.add(embedder.embedQuery(question));
            }
            double weight = 0.7; // the REST contract's default retrievalWeight
            try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryBuilder latin = new QueryBuilder(new EnglishAnalyzer());
                QueryBuilder chinese = new QueryBuilder(new SmartChineseAnalyzer());
                Map<String, Work> variants = new LinkedHashMap<>();
                variants.put("engine hybrid search, query already embedded", i ->
                        index.search(KnowledgeQuery.of(texts.get(i), weight, 10), vectors.get(i)));
                variants.put("engine hybrid search, vendor filter", i ->
                        index.search(new KnowledgeQuery(texts.get(i), weight, List.of(), "Huawei", 10), vectors.get(i)));
                variants.put("engine at weight 0 (vectors still count a little)", i ->
                        index.search(KnowledgeQuery.of(texts.get(i), 0, 10), vectors.get(i)));
                variants.put("engine hybrid search incl. embedding the query", i ->
                        index.search(KnowledgeQuery.of(texts.get(i), weight, 10)));
                variants.put("bare Lucene: one BM25 + kNN(en) + kNN(zh) boolean", i -> {
                    BooleanQuery.Builder query = new BooleanQuery.Builder();
                    addIfPresent(query, latin.createBooleanQuery("kw_latin", texts.get(i)));
                    addIfPresent(query, chinese.createBooleanQuery("kw_zh", texts.get(i)));
                    query.add(new KnnFloatVectorQuery("vec_en", vectors.get(i).english(), 50), Occur.SHOULD);
                    query.add(new KnnFloatVectorQuery("vec_zh", vectors.get(i).chinese(), 50), Occur.SHOULD);
                    for (ScoreDoc d : searcher.search(query.build(), 10).scoreDocs) searcher.storedFields().document(d.doc);
                });
                // Variants take turns on each query, so a busy moment on the machine hits them all alike.
                Map<String, List<Double>> millis = timeInTurns(queryCount, variants);
                millis.forEach((what, times) -> report(size, what, times));
                System.out.printf("%-9s (%d segments)%n", "", reader.leaves().size());
            }
        }
    }

    private static void addIfPresent(BooleanQuery.Builder query, Query clause) {
        if (clause != null) query.add(clause, Occur.SHOULD);
    }

    private interface Work {
        void run(int i) throws Exception;
    }

    private static Map<String, List<Double>> timeInTurns(int count, Map<String, Work> variants) {
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        variants.keySet().forEach(k -> millis.put(k, new ArrayList<>()));
        try {
            for (int i = 0; i < WARM_UP; i++) {
                for (Work work : variants.values()) work.run(count + i); // warm-up on queries not measured
            }
            for (int i = 0; i < count; i++) {
                for (Map.Entry<String, Work> variant : variants.entrySet()) {
                    long start = System.nanoTime();
                    variant.getValue().run(i);
                    millis.get(variant.getKey()).add((System.nanoTime() - start) / 1e6);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return millis;
    }

    private static void report(int size, String what, List<Double> millis) {
        System.out.printf("%-9d %-52s %9.2f %9.2f%n", size, what, BenchArgs.percentile(millis, 50),
                BenchArgs.percentile(millis, 95));
    }

    /** The text with a few words swapped for numbered stand-ins, so keyword statistics stay realistic. */
    private static String vary(String text, Random random) {
        String[] words = text.split(" ");
        for (int k = 0; k < 3 && words.length > 3; k++) words[random.nextInt(words.length)] = "v" + random.nextInt(100_000);
        return String.join(" ", words);
    }

    /** The vector plus Gaussian noise, renormalised: cosine to the original about 0.9. */
    private static float[] perturb(float[] vector, Random random) {
        float[] out = new float[vector.length];
        double sigma = 0.5 / Math.sqrt(vector.length);
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            out[i] = (float) (vector[i] + random.nextGaussian() * sigma);
            norm += out[i] * out[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < out.length; i++) out[i] *= scale;
        return out;
    }

    /** A paged manual of the English corpus text, about 45 lines a page, in Helvetica. */
    private static byte[] manualPdf(List<Corpus> documents, int pages) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Corpus document : documents) {
            if (document.name().contains(".zh.")) continue;
            for (String line : document.parsed().text().split("\n")) {
                String ascii = line.replaceAll("[^\\x20-\\x7e]", " ");
                while (ascii.length() > 95) {
                    int cut = ascii.lastIndexOf(' ', 95);
                    cut = cut <= 0 ? 95 : cut;
                    lines.add(ascii.substring(0, cut));
                    ascii = ascii.substring(cut).strip();
                }
                lines.add(ascii);
            }
        }
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int line = 0;
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.setLeading(14);
                    content.newLineAtOffset(50, 740);
                    for (int l = 0; l < 48; l++) {
                        content.showText(lines.get(line++ % lines.size()));
                        content.newLine();
                    }
                    content.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private record Corpus(String name, byte[] bytes, ParsedDocument parsed, List<ChunkDraft> chunks) {}

    private RetrievalBenchmark() {}
}
