package com.ipexpert.retrieval.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The English words of a Chinese question's networking terms, so its keyword query also meets an English manual:
 * 邻居 is "neighbor" there, 定时器 "timer", 对等体 "peer". A question keeps its own words; these are added beside
 * them. The glossary is general networking and configuration vocabulary (how vendors' English manuals name what a
 * Chinese engineer asks about), not the wording of any labelled question.
 */
final class CrossLingualTerms {
    private static final Map<String, String> GLOSSARY = load("cross-lingual-terms.tsv");

    /** Longest first, so 路由器 is read before 路由 and 默认值 before 默认. */
    private static final List<String> TERMS = GLOSSARY.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .toList();

    private CrossLingualTerms() {}

    /** The glossary: a term, a tab and its English words per line; {@code #} starts a comment. */
    private static Map<String, String> load(String resource) {
        try (InputStream in = CrossLingualTerms.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the glossary " + resource + " is missing");
            Map<String, String> glossary = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t");
                if (parts.length != 2 || glossary.put(parts[0].strip(), parts[1].strip()) != null) {
                    throw new IllegalStateException("the glossary " + resource + " has a bad or repeated line: " + line);
                }
            }
            return Map.copyOf(glossary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the glossary " + resource, e);
        }
    }

    /** {@code question} followed by the English words of its terms, or as it is when it has none. */
    static String withEnglish(String question) {
        String english = english(question);
        return english.isEmpty() ? question : question + " " + english;
    }

    /** The English words of the glossary's terms found in {@code question}, each once; empty when there are none. */
    static String english(String question) {
        Set<String> words = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder(question);
        for (String term : TERMS) {
            int at = rest.indexOf(term);
            while (at >= 0) {
                words.add(GLOSSARY.get(term));
                // a term read is blanked, so the shorter terms inside it (路由 in 路由器) are not read again
                for (int i = at; i < at + term.length(); i++) rest.setCharAt(i, ' ');
                at = rest.indexOf(term, at + term.length());
            }
        }
        return String.join(" ", words);
    }
}
