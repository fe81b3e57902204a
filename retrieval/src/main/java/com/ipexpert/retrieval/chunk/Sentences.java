package com.ipexpert.retrieval.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts running text into sentences: after Chinese {@code 。！？；} and after English {@code . ! ?} when a
 * new sentence visibly starts, but not inside {@code 10.1.1.1}, {@code e.g. this} or {@code display ip}.
 * A sentence longer than the limit is cut again at commas, then at spaces.
 */
final class Sentences {
    private static final String CHINESE_ENDS = "。！？；";
    private static final String CLOSERS = "\"'”’)）】」』";
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "vs", "fig", "no", "mr", "dr",
            "eg", "ie", "cf", "approx", "sec", "ref", "vol", "ch");

    private Sentences() {}

    static List<String> of(String text, int maxLength) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean end = CHINESE_ENDS.indexOf(c) >= 0 || (c == '!' || c == '?') && isSpaceOrEnd(text, i + 1)
                    || c == '.' && englishSentenceEnds(text, start, i);
            if (!end) continue;
            int j = i + 1;
            while (j < n && CLOSERS.indexOf(text.charAt(j)) >= 0) j++;
            add(sentences, text.substring(start, j), maxLength);
            start = j;
            i = j - 1;
        }
        if (start < n) add(sentences, text.substring(start), maxLength);
        return sentences;
    }

    private static boolean englishSentenceEnds(String text, int start, int dot) {
        int next = dot + 1;
        while (next < text.length() && CLOSERS.indexOf(text.charAt(next)) >= 0) next++;
        if (next >= text.length()) return true;
        if (!Character.isWhitespace(text.charAt(next))) return false;
        int after = next;
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) after++;
        if (after >= text.length()) return true;
        int first = text.codePointAt(after);
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || Character.UnicodeScript.of(first)
                == Character.UnicodeScript.HAN || first == '"' || first == '(' || first == '“')) {
            return false;
        }
        int wordStart = dot;
        while (wordStart > start && !Character.isWhitespace(text.charAt(wordStart - 1))) wordStart--;
        String word = text.substring(wordStart, dot).toLowerCase().replaceAll("^[(\"']+", "");
        return !ABBREVIATIONS.contains(word) && !(word.length() == 1 && Character.isLetter(word.charAt(0)));
    }

    private static boolean isSpaceOrEnd(String text, int index) {
        return index >= text.length() || Character.isWhitespace(text.charAt(index));
    }

    private static void add(List<String> sentences, String sentence, int maxLength) {
        String s = sentence.strip();
        if (s.isEmpty()) return;
        while (s.length() > maxLength) {
            int cut = cutPoint(s, maxLength);
            sentences.add(s.substring(0, cut).strip());
            s = s.substring(cut).strip();
        }
        if (!s.isEmpty()) sentences.add(s);
    }

    /** Where to cut an over-long sentence: the last comma before the limit, else the last space, else the limit. */
    private static int cutPoint(String s, int maxLength) {
        int floor = maxLength / 2;
        for (int i = maxLength - 1; i >= floor; i--) {
            if ("，,、：:".indexOf(s.charAt(i)) >= 0) return i + 1;
        }
        for (int i = maxLength - 1; i >= floor; i--) {
            if (Character.isWhitespace(s.charAt(i))) return i + 1;
        }
        return Character.isHighSurrogate(s.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
    }
}
