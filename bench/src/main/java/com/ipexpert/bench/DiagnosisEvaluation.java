package com.ipexpert.bench;

import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.llm.FakeChatCompletions;
import com.ipexpert.analyst.llm.LlmAnalyst;
import com.ipexpert.analyst.llm.ModelEndpoint;
import com.ipexpert.analyst.offline.OfflineAnalyst;
import com.ipexpert.bench.diagnosis.DiagnosisRun;
import com.ipexpert.bench.diagnosis.EvaluationReport;
import com.ipexpert.bench.diagnosis.Scorecard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The diagnosis evaluation: plays the development set (the analyst module's {@code offline-eval.tsv}, which the rules
 * may be tuned on) and the held-out set ({@code diagnosis/held-out.txt}, written first and frozen) through an analyst
 * and prints one table per set, each score apart: category, vendor/platform, root cause named, commands in the
 * platform's syntax, safety labels, and the rounds to a solution.
 *
 * <pre>
 * java -cp 'bench/target/classes:bench/target/lib/*' com.ipexpert.bench.DiagnosisEvaluation [analyst=offline|fake-llm|llm]
 *      [sets=dev,held-out] [misses=true] [llm.baseUrl=http://localhost:11434/v1] [llm.model=qwen2.5:14b] [llm.apiKey=...]
 * </pre>
 * {@code fake-llm} runs the LLM analyst against the tests' OpenAI-compatible server on loopback, whose "model" gives
 * the same fixed solution to every report: it proves the LLM path is measured the same way, not how good a model is.
 * {@code llm} measures a real model at {@code llm.baseUrl}.
 */
public final class DiagnosisEvaluation {

    /** What the fake model answers, to every request. */
    static final String FAKE_MODEL_REPLY = """
            {"decision": "solution", "category": "other", "vendor": null,
             "answer": "1. Check the interface state and the logs first.",
             "citations": [], "commands": ["display interface brief", "show interfaces"]}""";

    private DiagnosisEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchArgs.parse(args);
        String kind = a.getOrDefault("analyst", "offline");
        boolean misses = Boolean.parseBoolean(a.getOrDefault("misses", "false"));
        List<String> sets = List.of(a.getOrDefault("sets", "dev,held-out").split(","));
        FakeChatCompletions fake = null;
        try {
            Analyst analyst = switch (kind) {
                case "offline" -> new OfflineAnalyst();
                case "fake-llm" -> {
                    fake = FakeChatCompletions.start().otherwiseReplies(FAKE_MODEL_REPLY);
                    yield new LlmAnalyst(new ModelEndpoint(fake.baseUrl(), "fake-key", "fake-model", Duration.ofSeconds(20), 0.0, 1500, false));
                }
                case "llm" -> new LlmAnalyst(new ModelEndpoint(a.getOrDefault("llm.baseUrl", "http://127.0.0.1:11434/v1"),
                        a.getOrDefault("llm.apiKey", "none"), a.getOrDefault("llm.model", "qwen2.5:14b"),
                        Duration.parse("PT" + a.getOrDefault("llm.timeoutSeconds", "120") + "S"), 0.2, 1500, false));
                default -> throw new IllegalArgumentException("analyst=offline|fake-llm|llm, not " + kind);
            };
            for (Scorecard card : evaluate(analyst, kind, sets)) card.print(System.out, misses);
        } finally {
            if (fake != null) fake.close();
        }
    }

    /** Plays every report of each named set ("dev", "held-out") through {@code analyst}. */
    public static List<Scorecard> evaluate(Analyst analyst, String analystName, List<String> sets) throws Exception {
        List<Scorecard> cards = new ArrayList<>();
        for (String set : sets) {
            List<EvaluationReport> reports = switch (set.strip()) {
                case "dev" -> EvaluationReport.development();
                case "held-out" -> EvaluationReport.heldOut();
                default -> throw new IllegalArgumentException("sets are dev and held-out, not " + set);
            };
            List<DiagnosisRun.Outcome> outcomes = new ArrayList<>();
            for (EvaluationReport r : reports) outcomes.add(DiagnosisRun.play(analyst, r));
            cards.add(new Scorecard(set.strip(), analystName, outcomes));
        }
        return cards;
    }
}
