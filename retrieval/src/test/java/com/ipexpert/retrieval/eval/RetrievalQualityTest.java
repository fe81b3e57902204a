package com.ipexpert.retrieval.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.chunk.ChunkDraft;
import com.ipexpert.retrieval.chunk.ManualChunker;
import com.ipexpert.retrieval.embed.BilingualEmbedder;
import com.ipexpert.retrieval.embed.QueryVectors;
import com.ipexpert.retrieval.index.FieldWeights;
import com.ipexpert.retrieval.index.FusionMethod;
import com.ipexpert.retrieval.index.HybridFusion;
import com.ipexpert.retrieval.index.KnowledgeDocument;
import com.ipexpert.retrieval.index.KnowledgeQuery;
import com.ipexpert.retrieval.index.LuceneKnowledgeIndex;
import com.ipexpert.retrieval.index.Ranked;
import com.ipexpert.retrieval.index.RetrieverRankings;
import com.ipexpert.retrieval.index.SearchHit;
import com.ipexpert.retrieval.parse.DocumentParser;
import com.ipexpert.retrieval.parse.OcrSupport;
import com.ipexpert.retrieval.parse.ParsedDocument;
import com.ipexpert.retrieval.testing.RememberingEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retrieval quality gate: real networking manuals (FRR in English, Debian's reference and man pages in
 * Chinese) go through the real stages, and 322 labelled questions measure recall@1, recall@5 and MRR@10 for
 * each retriever alone and for the fusions. Fails when hybrid ranking stops beating every single retriever or
 * drops below the floors. The corpus is embedded once for the class; the table lands in
 * {@code target/retrieval-quality.txt}.
 */
class RetrievalQualityTest {
    private static final KnowledgeSettings SETTINGS = KnowledgeSettings.defaults();
    private static final int DEPTH = 10;

    private static LuceneKnowledgeIndex index;
    private static final Map<String, String> chunkTexts = new LinkedHashMap<>();
    private static final List<Question> questions = new ArrayList<>();
    private static final Map<String, RetrieverRankings> withInstruction = new LinkedHashMap<>();
    private static final Map<String, RetrieverRankings> withoutInstruction = new LinkedHashMap<>();
    private static final Map<String, QueryVectors> queryVectors = new LinkedHashMap<>();

    record Question(String id, String group, Set<String> relevantChunks, String text) {
        /** Held out from tuning: the id's CRC-32 is odd (see eval/README.md). */
        boolean heldOut() {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(id.getBytes(StandardCharsets.UTF_8));
            return crc.getValue() % 2 == 1;
        }
    }

    /** One way of ranking a question's candidates. */
    interface Method {
        List<Ranked<String>> rank(RetrieverRankings rankings);
    }

    record Scores(double recallAt1, double recallAt5, double mrr) {
        String row() {
            return String.format("%6.3f %6.3f %6.3f", recallAt1, recallAt5, mrr);
        }
    }

    @BeforeAll
    static void embedTheCorpusOnce() throws Exception {
        DocumentParser parser = new DocumentParser(SETTINGS, OcrSupport.absent());
        ManualChunker chunker = new ManualChunker(SETTINGS);
        // The models' vectors are remembered under target/, so only the first run of a build embeds the corpus.
        BilingualEmbedder models = new BilingualEmbedder(
                RememberingEmbeddingModel.of("bge-small-en-v1.5-q", 384, BgeSmallEnV15QuantizedEmbeddingModel::new),
                RememberingEmbeddingModel.of("bge-small-zh-v1.5-q", 512, BgeSmallZhV15QuantizedEmbeddingModel::new), SETTINGS);
        index = LuceneKnowledgeIndex.inMemory(models, SETTINGS);
        Path corpus = resource("eval/corpus");
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                ParsedDocument parsed = parser.parse(name, Files.readAllBytes(file), Progress.none());
                List<ChunkDraft> chunks = chunker.chunk(parsed, Progress.none());
                KnowledgeDocument document = new KnowledgeDocument(name, name,
                        name.startsWith("frr") ? "FRR" : "Debian", List.of(name.contains(".zh.") ? "zh" : "en"));
                index.add(document, chunks, Progress.none());
                for (ChunkDraft chunk : chunks) chunkTexts.put(document.chunkId(chunk.ordinal()), squeeze(chunk.text()));
            }
        }
        loadQuestions(resource("eval/questions.tsv"));
        BilingualEmbedder embedder = index.embedder();
        for (Question q : questions) {
            KnowledgeQuery query = KnowledgeQuery.of(q.text(), SETTINGS.defaultWeight(), DEPTH);
            QueryVectors instructed = embedder.embedQuery(q.text(), true);
            QueryVectors plain = embedder.embedQuery(q.text(), false);
            queryVectors.put(q.id(), SETTINGS.queryInstruction() ? instructed : plain);
            withInstruction.put(q.id(), index.rankings(query, instructed));
            withoutInstruction.put(q.id(), index.rankings(query, plain));
        }
    }

    @AfterAll
    static void closeIndex() {
        if (index != null) index.close();
    }

    @Test
    void every_labelled_passage_lands_in_at_least_one_chunk() {
        assertThat(questions).hasSizeGreaterThanOrEqualTo(100);
        assertThat(questions.stream().filter(q -> q.relevantChunks().isEmpty()).map(Question::id).toList())
                .as("questions whose answer passage no chunk holds whole").isEmpty();
    }

    @Test
    void hybrid_ranking_beats_every_single_retriever_and_stays_above_its_floors() throws IOException {
        Map<String, Method> methods = new LinkedHashMap<>();
        methods.put("keyword (BM25)", r -> r.keyword());
        methods.put("vector en field", r -> r.english());
        methods.put("vector zh field", r -> r.chinese());
        methods.put("vectors, both fields", r -> fuse(r, 1.0, FusionMethod.WEIGHTED_SCORE, r.fields()));
        for (FusionMethod method : FusionMethod.values()) {
            for (double weight : new double[] {0.3, 0.5, 0.7}) {
                methods.put(label(method, weight), r -> fuse(r, weight, method, r.fields()));
            }
        }
        methods.put(label(SETTINGS.fusion(), SETTINGS.defaultWeight()) + ", fields equal",
                r -> fuse(r, SETTINGS.defaultWeight(), SETTINGS.fusion(), FieldWeights.equal()));
        List<String> groups = List.of("all", "en", "zh", "zh-en");
        StringBuilder table = new StringBuilder();
        table.append(String.format("%d questions (en %d, zh %d, zh-en %d), %d chunks%n", questions.size(),
                count("en"), count("zh"), count("zh-en"), chunkTexts.size()));
        table.append("vector fields weighted by the language of the top keyword hits unless 'fields equal'\n");
        table.append(String.format("%-32s", "method (R@1 R@5 MRR@10)"));
        for (String group : groups) table.append(String.format(" | %-20s", group));
        table.append('\n');
        Map<String, Map<String, Scores>> results = new LinkedHashMap<>();
        for (var instruction : List.of(Map.entry("instructed query", withInstruction), Map.entry("plain query", withoutInstruction))) {
            table.append("-- ").append(instruction.getKey()).append('\n');
            for (var method : methods.entrySet()) {
                table.append(String.format("%-32s", method.getKey()));
                for (String group : groups) {
                    Scores scores = score(group, instruction.getValue(), method.getValue());
                    results.computeIfAbsent(instruction.getKey() + "/" + method.getKey(), k -> new LinkedHashMap<>())
                            .put(group, scores);
                    table.append(" | ").append(scores.row());
                }
                table.append('\n');
            }
        }
        System.out.print(table);
        Files.writeString(Path.of("target", "retrieval-quality.txt"), table, StandardCharsets.UTF_8);

        String prefix = SETTINGS.queryInstruction() ? "instructed query/" : "plain query/";
        Map<String, Scores> hybrid = results.get(prefix + label(SETTINGS.fusion(), SETTINGS.defaultWeight()));
        for (String single : List.of("keyword (BM25)", "vector en field", "vector zh field")) {
            Map<String, Scores> alone = results.get(prefix + single);
            assertThat(hybrid.get("all").mrr()).as("MRR of hybrid against " + single).isGreaterThan(alone.get("all").mrr());
            // at least as good, as the issue asks: on some processors ONNX Runtime's kernels round the embeddings
            // differently, and hybrid's recall@5 ties keywords' (.901 on an AMD EPYC) where it led elsewhere
            assertThat(hybrid.get("all").recallAt5()).as("recall@5 of hybrid against " + single)
                    .isGreaterThanOrEqualTo(alone.get("all").recallAt5());
        }
        // Regression floors a little under what raw share 0.5 reaches on the 322 questions (target/retrieval-quality.txt).
        assertThat(hybrid.get("all").mrr()).as("MRR@10, all questions").isGreaterThanOrEqualTo(0.74);
        assertThat(hybrid.get("en").recallAt5()).as("English recall@5").isGreaterThanOrEqualTo(0.89);
        assertThat(hybrid.get("en").mrr()).as("English MRR@10").isGreaterThanOrEqualTo(0.79);
        assertThat(hybrid.get("zh").recallAt5()).as("Chinese recall@5").isGreaterThanOrEqualTo(0.88);
        assertThat(hybrid.get("zh").mrr()).as("Chinese MRR@10").isGreaterThanOrEqualTo(0.67);
        // .67 before a Chinese question's terms were also searched in English (CrossLingualTerms), .89 after
        assertThat(hybrid.get("zh-en").recallAt5()).as("Chinese questions on English manuals, recall@5")
                .isGreaterThanOrEqualTo(0.83);

        // The defaults are the measured best: score fusion over RRF, and BGE's query instruction over none.
        for (double weight : new double[] {0.3, 0.5, 0.7}) {
            assertThat(hybrid.get("all").mrr()).as("default fusion against RRF at " + weight)
                    .isGreaterThanOrEqualTo(results.get(prefix + label(FusionMethod.RECIPROCAL_RANK, weight)).get("all").mrr());
        }
        String other = SETTINGS.queryInstruction() ? "plain query/" : "instructed query/";
        assertThat(hybrid.get("all").mrr()).as("default query instruction setting against the other")
                .isGreaterThanOrEqualTo(results.get(other + label(SETTINGS.fusion(), SETTINGS.defaultWeight())).get("all").mrr());
    }

    /**
     * The REST contract's default weight is 0.7, and a client may send any weight: at each, hybrid ranking must be
     * at least as good as the best retriever alone. A caller's weight is a semantic share between the settings'
     * floor and ceiling, chosen on the dev half (the sweep printed first is of the dev half alone); the held-out
     * half is printed apart.
     */
    @Test
    void at_every_weight_a_client_may_send_hybrid_is_at_least_as_good_as_the_best_single_retriever() throws IOException {
        Map<String, RetrieverRankings> rankings = SETTINGS.queryInstruction() ? withInstruction : withoutInstruction;
        StringBuilder table = new StringBuilder();
        table.append(String.format("%d questions: dev %d, held-out %d%n", questions.size(),
                questions.stream().filter(q -> !q.heldOut()).count(), questions.stream().filter(Question::heldOut).count()));
        table.append("-- sweep of the raw semantic share, dev half only (R@1 R@5 MRR@10)\n");
        for (int i = 0; i <= 20; i++) {
            double share = i / 20.0;
            table.append(String.format("share %.2f  %s%n", share,
                    scoreSplit(false, rankings, r -> fuse(r, share, SETTINGS.fusion(), r.fields())).row()));
        }
        Map<String, Method> singles = new LinkedHashMap<>();
        singles.put("keyword (BM25)", r -> r.keyword());
        singles.put("vector en field", r -> r.english());
        singles.put("vector zh field", r -> r.chinese());
        singles.put("vectors, both fields", r -> fuse(r, 1.0, FusionMethod.WEIGHTED_SCORE, r.fields()));
        table.append(String.format("-- semantic share = %.2f + %.2f x weight%n", SETTINGS.semanticFloor(),
                SETTINGS.semanticCeiling() - SETTINGS.semanticFloor()));
        table.append(String.format("%-28s | %-20s | %-20s | %-20s%n", "method (R@1 R@5 MRR@10)", "dev", "held-out", "all"));
        double bestMrr = 0;
        double bestRecall = 0;
        for (var single : singles.entrySet()) {
            Scores all = scoreSplit(null, rankings, single.getValue());
            bestMrr = Math.max(bestMrr, all.mrr());
            bestRecall = Math.max(bestRecall, all.recallAt5());
            table.append(String.format("%-28s | %s | %s | %s%n", single.getKey(), scoreSplit(false, rankings, single.getValue()).row(),
                    scoreSplit(true, rankings, single.getValue()).row(), all.row()));
        }
        Map<Double, Scores> hybridAll = new LinkedHashMap<>();
        Map<Double, Scores[]> hybridSplits = new LinkedHashMap<>();
        for (int i = 0; i <= 10; i++) {
            double weight = i / 10.0;
            double share = SETTINGS.semanticShare(weight);
            Method method = r -> fuse(r, share, SETTINGS.fusion(), r.fields());
            Scores dev = scoreSplit(false, rankings, method);
            Scores held = scoreSplit(true, rankings, method);
            Scores all = scoreSplit(null, rankings, method);
            hybridAll.put(weight, all);
            hybridSplits.put(weight, new Scores[] {dev, held});
            table.append(String.format("%-28s | %s | %s | %s%n", String.format("hybrid weight %.1f", weight), dev.row(), held.row(), all.row()));
        }
        // what a change does to each kind of question, read on the dev half alone
        table.append(String.format("-- dev half by language (R@1 R@5 MRR@10)%n%-28s", "method"));
        List<String> languages = List.of("en", "zh", "zh-en");
        for (String language : languages) {
            table.append(String.format(" | %-20s", language + " (" + questions.stream()
                    .filter(q -> !q.heldOut() && q.group().equals(language)).count() + ")"));
        }
        table.append('\n');
        Map<String, Method> byLanguage = new LinkedHashMap<>();
        byLanguage.put("keyword (BM25)", singles.get("keyword (BM25)"));
        byLanguage.put("hybrid weight 0.7", r -> fuse(r, SETTINGS.semanticShare(0.7), SETTINGS.fusion(), r.fields()));
        for (var method : byLanguage.entrySet()) {
            table.append(String.format("%-28s", method.getKey()));
            for (String language : languages) {
                table.append(" | ").append(score(questions.stream().filter(q -> !q.heldOut() && q.group().equals(language))
                        .toList(), rankings, method.getValue()).row());
            }
            table.append('\n');
        }
        System.out.print(table);
        Files.writeString(Path.of("target", "retrieval-weights.txt"), table, StandardCharsets.UTF_8);

        for (var entry : hybridAll.entrySet()) {
            assertThat(entry.getValue().mrr()).as("MRR at weight " + entry.getKey() + " against the best retriever alone")
                    .isGreaterThanOrEqualTo(bestMrr);
            assertThat(entry.getValue().recallAt5()).as("recall@5 at weight " + entry.getKey() + " against the best retriever alone")
                    .isGreaterThanOrEqualTo(bestRecall);
            for (int half = 0; half < 2; half++) {
                Boolean heldOut = half == 1;
                double best = singles.values().stream().mapToDouble(m -> scoreSplit(heldOut, rankings, m).mrr()).max().orElseThrow();
                double bestR5 = singles.values().stream().mapToDouble(m -> scoreSplit(heldOut, rankings, m).recallAt5()).max().orElseThrow();
                Scores scores = hybridSplits.get(entry.getKey())[half];
                String name = heldOut ? "held-out" : "dev";
                assertThat(scores.mrr()).as(name + " MRR at weight " + entry.getKey()).isGreaterThanOrEqualTo(best);
                assertThat(scores.recallAt5()).as(name + " recall@5 at weight " + entry.getKey()).isGreaterThanOrEqualTo(bestR5);
            }
        }
        // The issue asks recall@5 >= .90 and MRR >= .78 at the default weight. On the dev half the range was chosen on,
        // recall@5 is .957 and MRR .818 (.951 and .814 before keyword hits gained for holding the question's terms).
        // The held-out half is harder for every method (BM25 alone: MRR .716 against .761 on dev) and reaches
        // recall@5 .924, MRR .773 (.924 and .769 before that gain; retrieval/README.md); both are held to regression
        // floors a little under what they reach.
        Scores[] atDefault = hybridSplits.get(0.7);
        assertThat(atDefault[0].recallAt5()).as("dev recall@5 at 0.7").isGreaterThanOrEqualTo(0.93);
        assertThat(atDefault[0].mrr()).as("dev MRR@10 at 0.7").isGreaterThanOrEqualTo(0.80);
        assertThat(atDefault[1].recallAt5()).as("held-out recall@5 at 0.7").isGreaterThanOrEqualTo(0.90);
        assertThat(atDefault[1].mrr()).as("held-out MRR@10 at 0.7").isGreaterThanOrEqualTo(0.75);
    }

    private static Scores scoreSplit(Boolean heldOut, Map<String, RetrieverRankings> rankings, Method method) {
        return score(questions.stream().filter(q -> heldOut == null || q.heldOut() == heldOut).toList(), rankings, method);
    }

    private static Scores score(List<Question> selected, Map<String, RetrieverRankings> rankings, Method method) {
        double r1 = 0;
        double r5 = 0;
        double mrr = 0;
        for (Question q : selected) {
            List<Ranked<String>> ranking = method.rank(rankings.get(q.id()));
            for (int i = 0; i < Math.min(DEPTH, ranking.size()); i++) {
                if (q.relevantChunks().contains(ranking.get(i).key())) {
                    if (i < 1) r1++;
                    if (i < 5) r5++;
                    mrr += 1.0 / (i + 1);
                    break;
                }
            }
        }
        int n = selected.size();
        return new Scores(r1 / n, r5 / n, mrr / n);
    }

    @Test
    void the_index_search_ranks_as_the_evaluated_fusion_does() {
        for (Question q : questions.subList(0, 20)) {
            KnowledgeQuery query = KnowledgeQuery.of(q.text(), 0.7, 5);
            List<String> searched = index.search(query, queryVectors.get(q.id())).stream().map(SearchHit::chunkId).toList();
            RetrieverRankings rankings = (SETTINGS.queryInstruction() ? withInstruction : withoutInstruction).get(q.id());
            List<String> evaluated = fuse(rankings, SETTINGS.semanticShare(0.7), SETTINGS.fusion(), rankings.fields())
                    .stream()
                    .limit(5).map(Ranked::key).toList();
            assertThat(searched).as(q.id()).isEqualTo(evaluated);
        }
    }

    private static List<Ranked<String>> fuse(RetrieverRankings r, double weight, FusionMethod method,
                                             FieldWeights fields) {
        return HybridFusion.fuse(r.keyword(), r.english(), r.chinese(), weight, fields, method, SETTINGS.rrfK(), DEPTH);
    }

    private static Scores score(String group, Map<String, RetrieverRankings> rankings, Method method) {
        List<Question> selected = questions.stream().filter(q -> group.equals("all") || q.group().equals(group)).toList();
        double r1 = 0;
        double r5 = 0;
        double mrr = 0;
        for (Question q : selected) {
            List<Ranked<String>> ranking = method.rank(rankings.get(q.id()));
            for (int i = 0; i < Math.min(DEPTH, ranking.size()); i++) {
                if (q.relevantChunks().contains(ranking.get(i).key())) {
                    if (i < 1) r1++;
                    if (i < 5) r5++;
                    mrr += 1.0 / (i + 1);
                    break;
                }
            }
        }
        int n = selected.size();
        return new Scores(r1 / n, r5 / n, mrr / n);
    }

    private static String label(FusionMethod method, double weight) {
        return (method == FusionMethod.WEIGHTED_SCORE ? "hybrid score w=" : "hybrid RRF w=") + weight;
    }

    private static long count(String group) {
        return questions.stream().filter(q -> q.group().equals(group)).count();
    }

    private static void loadQuestions(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] fields = line.split("\t");
            List<String> passages = Stream.of(fields[3].split("\\|\\|")).map(RetrievalQualityTest::squeeze).toList();
            Set<String> relevant = chunkTexts.entrySet().stream()
                    .filter(e -> passages.stream().anyMatch(p -> e.getValue().contains(p)))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            questions.add(new Question(fields[0], fields[1], relevant, fields[4]));
        }
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RetrievalQualityTest.class.getClassLoader().getResource(name).toURI());
    }
}
