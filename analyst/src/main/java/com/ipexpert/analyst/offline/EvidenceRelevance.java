package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.Evidence;
import com.ipexpert.analyst.classification.Classification;
import com.ipexpert.analyst.classification.FaultCategory;
import com.ipexpert.analyst.classification.FaultClassifier;
import com.ipexpert.analyst.classification.Vendor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which retrieved passages a solution cites. A passage is cited when it is about the case's fault
 * category (its own text scores strongly for it, or it is tagged with it), or, not being clearly about another
 * category, shares at least two distinctive terms with what the engineer wrote; and its retrieval score is not
 * far below the best one. Cited passages are ranked by
 * that relevance, then by score; a passage for another vendor's CLI family ranks lower but may still be cited,
 * since the cause it explains holds across vendors.
 */
final class EvidenceRelevance {

    static final int MAX_CITED = 5;
    /** Passages scoring below this share of the best retrieval score are the retriever's tail, not evidence. */
    static final double SCORE_FLOOR = 0.2;
    /** A category word this strong in a passage makes it about that category (a protocol name, "ExStart"). */
    static final int CATEGORY_WORD = 3;

    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{2,}");
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}{2,}");
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "from", "are", "was", "not",
            "but", "have", "has", "how", "what", "why", "can", "does", "did", "when", "our", "your", "all", "any", "after",
            "into", "one", "two", "its", "there", "please", "问题", "一个", "我们", "怎么", "如何", "请问", "现在", "出现", "设备", "这个",
            "什么", "没有", "可以", "已经", "一直", "进行", "情况", "处理",
            // words every network text shares: they say nothing about which passage fits
            "display", "show", "interface", "interfaces", "peer", "neighbor", "neighbour", "neighbors", "neighbours", "router",
            "switch", "device", "port", "status", "state", "config", "configuration", "network", "check", "command", "using",
            "邻居", "状态", "配置", "接口", "端口", "查看", "执行", "命令", "检查", "交换", "换机", "路由", "由器", "网络", "显示", "对端", "两端");

    /** One passage as judged, for the solution and the audit trace. */
    record Judged(Evidence evidence, boolean cited, double relevance, boolean aboutCategory, List<String> sharedTerms,
                  String vendorFit, String reason) {

        Map<String, Object> toTrace() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("chunkId", evidence.chunkId());
            m.put("docId", evidence.docId());
            m.put("score", evidence.score());
            m.put("relevance", Math.round(relevance * 1000) / 1000.0);
            m.put("aboutCategory", aboutCategory);
            m.put("sharedTerms", sharedTerms);
            m.put("vendorFit", vendorFit);
            m.put("cited", cited);
            m.put("reason", reason);
            return m;
        }
    }

    private final FaultClassifier classifier;

    EvidenceRelevance(FaultClassifier classifier) {
        this.classifier = classifier;
    }

    /** Every passage judged; cited ones first, best first, at most {@value #MAX_CITED} of them cited. */
    List<Judged> judge(List<Evidence> evidence, String engineerText, FaultCategory category, Vendor vendor) {
        List<Evidence> passages = evidence == null ? List.of() : evidence.stream().filter(Objects::nonNull).toList();
        double best = passages.stream().mapToDouble(Evidence::score).max().orElse(0);
        Set<String> caseTerms = terms(engineerText);
        List<Judged> judged = new ArrayList<>();
        for (Evidence e : passages) {
            String text = e.text() == null ? "" : e.text();
            boolean about = aboutCategory(e, text, category);
            String elsewhere = about ? null : otherCategory(text, category);
            List<String> shared = terms(text).stream().filter(caseTerms::contains).limit(12).toList();
            double overlap = shared.stream().mapToDouble(t -> isHan(t) ? 0.5 : 1).sum();
            String fit = vendorFit(e.vendor(), vendor);
            double relativeScore = best > 0 ? Math.max(0, e.score()) / best : 0;
            double relevance = (about ? 1 : 0) + Math.min(overlap, 6) / 6 + relativeScore
                    + ("same".equals(fit) ? 0.5 : "other-cli".equals(fit) ? -0.5 : 0);
            boolean onTopic = about || (elsewhere == null && overlap >= 2);
            boolean inHead = best <= 0 || relativeScore >= SCORE_FLOOR;
            String reason = elsewhere != null ? "about " + elsewhere + ", not " + category.label()
                    : !onTopic ? "not about this case (no category words, fewer than two shared terms)"
                    : !inHead ? "score below " + SCORE_FLOOR + " of the best passage"
                    : about ? "about " + category.label() + (overlap >= 2 ? " and shares terms with the case" : "")
                    : "shares terms with the case";
            judged.add(new Judged(e, onTopic && inHead, relevance, about, shared, fit, reason));
        }
        judged.sort(Comparator.comparing((Judged j) -> !j.cited())
                .thenComparing(Comparator.comparingDouble(Judged::relevance).reversed())
                .thenComparing(Comparator.comparingDouble((Judged j) -> j.evidence().score()).reversed())
                .thenComparing(j -> String.valueOf(j.evidence().chunkId())));
        List<Judged> capped = new ArrayList<>();
        int cited = 0;
        for (Judged j : judged) {
            if (j.cited() && cited++ >= MAX_CITED) {
                capped.add(new Judged(j.evidence(), false, j.relevance(), j.aboutCategory(), j.sharedTerms(), j.vendorFit(),
                        "relevant, but only the " + MAX_CITED + " most relevant passages are cited"));
            } else {
                capped.add(j);
            }
        }
        return capped;
    }

    private boolean aboutCategory(Evidence e, String text, FaultCategory category) {
        if (category == FaultCategory.OTHER) return false;
        if (e.tags() != null) {
            for (String tag : e.tags()) {
                if (tag == null) continue;
                String t = tag.strip().toLowerCase(Locale.ROOT);
                for (String part : category.label().toLowerCase(Locale.ROOT).split("/")) {
                    if (t.equals(part) || t.equals(category.label().toLowerCase(Locale.ROOT))) return true;
                }
            }
        }
        Classification.Score score = classifier.classify(text).categoryScores().get(category.label());
        return score != null && score.score() >= CATEGORY_WORD;
    }

    /** The specific category a passage is about when it is not the case's, or null: an OSPF manual does not answer a BGP case. */
    private String otherCategory(String text, FaultCategory category) {
        Classification c = classifier.classify(text);
        if (c.category() == FaultCategory.OTHER || c.category() == category) return null;
        Classification.Score score = c.categoryScores().get(c.categoryName());
        return score != null && score.score() >= CATEGORY_WORD ? c.categoryName() : null;
    }

    private static String vendorFit(String evidenceVendor, Vendor caseVendor) {
        Vendor ev = Vendor.fromLabel(evidenceVendor).orElse(null);
        if (ev == null || caseVendor == null) return "unknown";
        if (ev == caseVendor) return "same";
        return ev.cliFamily() == caseVendor.cliFamily() ? "same-cli" : "other-cli";
    }

    /** Latin words of three letters or more, and two-character runs of Chinese, lower-cased, without filler words. */
    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) return terms;
        Matcher latin = LATIN.matcher(text);
        while (latin.find()) {
            String w = latin.group().toLowerCase(Locale.ROOT).replaceAll("[.-]+$", "");
            if (w.length() >= 3 && !STOP.contains(w)) terms.add(w);
        }
        Matcher han = HAN_RUN.matcher(text);
        while (han.find()) {
            String run = han.group();
            for (int i = 0; i + 2 <= run.length(); i++) {
                String bigram = run.substring(i, i + 2);
                if (!STOP.contains(bigram)) terms.add(bigram);
            }
        }
        return terms;
    }

    private static boolean isHan(String term) {
        return Character.UnicodeScript.of(term.charAt(0)) == Character.UnicodeScript.HAN;
    }
}
