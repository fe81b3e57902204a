package com.ipexpert.analyst;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the agent's own questions out of an engineer's answer. The console's suggestion buttons put a question into
 * the answer box and the engineer writes after it ("Which vendor … (e.g. Huawei NE40E, Cisco ASR)? — FRRouting 8.4"),
 * so an answer often quotes the question: its examples are the agent's words, not facts about the engineer's network,
 * and must not be read as the platform, a symptom or a check. What is left is what the engineer wrote.
 */
final class QuotedQuestions {

    /** A bracketed aside of a question, such as its examples "(e.g. …)" or "（例如 …）". */
    private static final Pattern ASIDE = Pattern.compile("[(（][^()（）]{3,}[)）]");
    private static final Pattern TRAILING_MARK = Pattern.compile("[\\s?？:：]+$");

    private QuotedQuestions() {
    }

    /** {@code answer} without any of {@code questions} (whole, or their bracketed asides) that it quotes. */
    static String remove(String answer, Collection<String> questions) {
        if (answer == null || answer.isBlank() || questions.isEmpty()) return answer;
        // whole questions first, longest first, so a question that contains another is taken out whole
        Set<String> quotable = new LinkedHashSet<>();
        questions.stream().filter(q -> q != null && !q.isBlank()).sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(quotable::add);
        List<Pattern> patterns = new ArrayList<>();
        for (String q : quotable) patterns.add(quoted(TRAILING_MARK.matcher(q.strip()).replaceAll(""), true));
        for (String q : quotable) {
            Matcher aside = ASIDE.matcher(q);
            while (aside.find()) patterns.add(quoted(aside.group(), false));
        }
        String words = answer;
        for (Pattern p : patterns) words = p.matcher(words).replaceAll("\n");
        return words.equals(answer) ? answer : words.replaceAll("[ \t]*\n[ \t]*", "\n").replaceAll("\n{2,}", "\n").strip();
    }

    /** The text as a pattern that allows any run of whitespace where it has some, and the question's mark after it. */
    private static Pattern quoted(String text, boolean withMark) {
        StringBuilder p = new StringBuilder();
        for (String token : text.strip().split("\\s+")) {
            if (!p.isEmpty()) p.append("\\s*");
            p.append(Pattern.quote(token));
        }
        if (withMark) p.append("\\s*[?？:：]?");
        return Pattern.compile(p.toString());
    }
}
