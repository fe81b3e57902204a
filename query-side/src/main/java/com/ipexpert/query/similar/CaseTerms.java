package com.ipexpert.query.similar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms two fault descriptions are compared by: words of Latin script (protocols, states, models, log tags,
 * lower-cased) and pairs of neighbouring Chinese characters, without the small words of either language and without
 * bare numbers and addresses, which name one network, not a kind of fault.
 */
final class CaseTerms {
    /** A case keeps at most this many terms: a pasted log of thousands of lines adds little after its first screens. */
    static final int LIMIT = 400;

    private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}\\p{Nd}][\\p{IsLatin}\\p{Nd}_%-]*");
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}{2,}");
    private static final Pattern NUMBER_OR_ADDRESS = Pattern.compile("[0-9a-f]{0,4}[0-9]+[0-9a-f]*|[0-9]+[a-z]?");
    private static final Set<String> SMALL_WORDS = Set.of(
            "the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "has", "have", "had", "not", "but",
            "its", "it's", "our", "can", "any", "all", "one", "two", "both", "side", "sides", "still", "after", "before",
            "when", "what", "which", "there", "then", "than", "into", "on", "in", "of", "to", "is", "it", "be", "we", "my",
            "an", "at", "or", "as", "by", "no", "do", "does", "did", "so", "if", "up", "out", "also", "only", "just", "again",
            "yes", "ok", "sure", "tried", "try", "see", "seen", "every", "some", "very", "now", "same", "other", "i");
    private static final Set<String> SMALL_PAIRS = Set.of(
            "已经", "经检", "检查", "查了", "没有", "还没", "一直", "现在", "我们", "这个", "那个", "什么", "怎么", "为什", "么办",
            "可以", "是否", "但是", "还是", "然后", "之后", "之前", "时候", "问题", "情况", "设备", "不是", "就是", "一下", "看了",
            "请问", "如何", "出现", "发现", "两端", "对端");

    private CaseTerms() {
    }

    /** The terms of {@code text}, in the order they first occur, at most {@link #LIMIT}. */
    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) return terms;
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher word = WORD.matcher(lower);
        while (word.find() && terms.size() < LIMIT) {
            String w = word.group();
            if (w.length() >= 2 && !SMALL_WORDS.contains(w) && !NUMBER_OR_ADDRESS.matcher(w).matches()) terms.add(w);
        }
        Matcher han = HAN_RUN.matcher(text);
        while (han.find() && terms.size() < LIMIT) {
            String run = han.group();
            for (int i = 0; i + 2 <= run.length() && terms.size() < LIMIT; i++) {
                String pair = run.substring(i, i + 2);
                if (!SMALL_PAIRS.contains(pair)) terms.add(pair);
            }
        }
        return terms;
    }

    /** Adds {@code more} to stored terms (space-separated), keeping the first {@link #LIMIT}. */
    static String merge(String stored, Collection<String> more) {
        Set<String> all = parse(stored);
        for (String t : more) {
            if (all.size() >= LIMIT) break;
            all.add(t);
        }
        return String.join(" ", all);
    }

    /**
     * How many of the stored terms (space-separated, each once, as {@link #of} and {@link #merge} write them) are among
     * {@code terms}, how many terms are stored, and the first {@code named} shared ones. A step scores up to thousands
     * of earlier cases, so no set is built for each: the stored terms are distinct already.
     */
    static Shared shared(String stored, Set<String> terms, int named) {
        List<String> names = new ArrayList<>();
        int count = 0;
        int ofStored = 0;
        for (String term : stored == null ? new String[0] : stored.split(" ")) {
            if (term.isEmpty()) continue;
            ofStored++;
            if (terms.contains(term) && count++ < named) names.add(term);
        }
        return new Shared(count, ofStored, names);
    }

    /** What {@link #shared} found: shared terms, stored terms, and the first shared ones by name. */
    record Shared(int count, int ofStored, List<String> named) {
    }

    static Set<String> parse(String stored) {
        Set<String> terms = new LinkedHashSet<>();
        if (stored == null || stored.isBlank()) return terms;
        for (String t : stored.split(" ")) if (!t.isEmpty()) terms.add(t);
        return terms;
    }
}
