package com.ipexpert.analyst.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an engineer's text, Chinese or English, and says which fault category it is about and which vendor's
 * equipment, by weighted keyword scoring. Deterministic, stateless and thread-safe; the dashboard counts
 * cases by the category it gives, so the same text always lands in the same place.
 *
 * <p>Each keyword counts once, however often it occurs. The highest-scoring category wins when it reaches
 * {@value #CATEGORY_THRESHOLD}; ties go to the more specific category (a protocol over the link it runs on).
 * Below the threshold the category is "other". The vendor works the same way over names, device models,
 * interface naming and the CLI dialect of pasted commands; ties go to the vendor mentioned first.
 */
public final class FaultClassifier {

    /** A category needs at least this much: one strong term, or two weak ones that agree. */
    public static final int CATEGORY_THRESHOLD = 2;

    public Classification classify(String text) {
        String t = text == null ? "" : text;
        Map<FaultCategory, Tally> categories = scoreCategories(t);
        Map<Vendor, Tally> vendors = scoreVendors(t);
        return new Classification(decideCategory(categories), decideVendor(vendors),
                bestFirst(categories, FaultCategory::label), bestFirst(vendors, Vendor::label));
    }

    /** The category label for a text, e.g. "OSPF"; "other" when nothing points anywhere. */
    public String category(String text) {
        return classify(text).categoryName();
    }

    /** The vendor label for a text, e.g. "Huawei"; {@code null} when the text does not say. */
    public String vendor(String text) {
        return classify(text).vendorName();
    }

    private record Tally(int score, List<String> matched, int firstIndex) {
    }

    private static Tally tally(String text, List<Keyword> keywords) {
        int score = 0;
        int first = Integer.MAX_VALUE;
        List<String> matched = new ArrayList<>();
        for (Keyword k : keywords) {
            Matcher m = k.pattern().matcher(text);
            if (m.find()) {
                score += k.weight();
                first = Math.min(first, m.start());
                String found = m.group().strip();
                matched.add(found.length() > 40 ? found.substring(0, 40) : found);
            }
        }
        return new Tally(score, matched, first);
    }

    private static Map<FaultCategory, Tally> scoreCategories(String text) {
        Map<FaultCategory, Tally> scores = new LinkedHashMap<>();
        for (FaultCategory c : CategoryVocabulary.TIE_ORDER) {
            Tally t = tally(text, CategoryVocabulary.KEYWORDS.get(c));
            if (t.score() > 0) scores.put(c, t);
        }
        return scores;
    }

    private static FaultCategory decideCategory(Map<FaultCategory, Tally> scores) {
        FaultCategory best = FaultCategory.OTHER;
        int bestScore = CATEGORY_THRESHOLD - 1;
        // scores iterate in tie order, so a strict ">" keeps the more specific category on a tie
        for (Map.Entry<FaultCategory, Tally> e : scores.entrySet()) {
            if (e.getValue().score() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue().score();
            }
        }
        return best;
    }

    /**
     * A vendor named as the far end ("对端是思科的ASR9k", "the peer is a Juniper MX") describes the neighbour, not the
     * device being diagnosed, so such a mention does not count (it stays in the trace, marked "far end").
     */
    private static final Pattern PEER_CONTEXT = Pattern.compile(
            "(对端|对方|对面|另一端|另一侧|远端|上游|下游|邻居(设备)?是|(?i:(peer|neighbou?r) (is|device|router|switch)|remote (side|end|device|router|peer)"
                    + "|far[- ]end|other side|upstream))[^。；;.!?\\n]{0,8}$");

    private static Map<Vendor, Tally> scoreVendors(String text) {
        Map<Vendor, Tally> scores = new LinkedHashMap<>();
        for (Map.Entry<Vendor, List<VendorClues.Clue>> e : VendorClues.CLUES.entrySet()) {
            int score = 0;
            int first = Integer.MAX_VALUE;
            List<String> matched = new ArrayList<>();
            for (VendorClues.Clue clue : e.getValue()) {
                Matcher m = clue.keyword().pattern().matcher(text);
                int best = 0;
                String found = null;
                while (m.find()) {
                    boolean farEnd = PEER_CONTEXT.matcher(text.substring(Math.max(0, m.start() - 16), m.start())).find();
                    int weight = farEnd ? 0 : clue.keyword().weight();
                    if (found == null || weight > best) {
                        best = weight;
                        String f = m.group().strip();
                        found = (f.length() > 40 ? f.substring(0, 40) : f) + (farEnd ? " (far end)" : "");
                        first = Math.min(first, m.start());
                    }
                    if (!farEnd) break;
                }
                if (found != null) {
                    score += best;
                    matched.add(clue.kind() + ": " + found);
                }
            }
            if (!matched.isEmpty()) scores.put(e.getKey(), new Tally(score, matched, first));
        }
        return scores;
    }

    private static Vendor decideVendor(Map<Vendor, Tally> scores) {
        return scores.entrySet().stream()
                .filter(e -> e.getValue().score() >= VendorClues.THRESHOLD)
                .min(Comparator.comparingInt((Map.Entry<Vendor, Tally> e) -> -e.getValue().score())
                        .thenComparingInt(e -> e.getValue().firstIndex())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static <K> Map<String, Classification.Score> bestFirst(Map<K, Tally> scores, Function<K, String> label) {
        Map<String, Classification.Score> out = new LinkedHashMap<>();
        scores.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<K, Tally> e) -> -e.getValue().score()))
                .forEach(e -> out.put(label.apply(e.getKey()), new Classification.Score(e.getValue().score(), e.getValue().matched())));
        return out;
    }
}
