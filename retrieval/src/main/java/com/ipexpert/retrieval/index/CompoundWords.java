package com.ipexpert.retrieval.index;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hyphenated terms of networking manuals written both ways: {@code IS-IS} and {@code ISIS}, {@code TI-LFA},
 * {@code hello-interval} in a command and "hello interval" in a question. The tokenizer splits a hyphenated
 * term into its parts (and {@code is} is a stop word, so {@code IS-IS} would vanish); this adds the parts joined
 * after the term, so both spellings share a token and the parts still match on their own.
 */
final class CompoundWords {
    private static final Pattern HYPHENATED = Pattern.compile("\\b\\p{IsLatin}[\\p{IsLatin}\\d]*(?:-[\\p{IsLatin}\\d]+)+\\b");

    private CompoundWords() {}

    static String joining(String text) {
        Matcher m = HYPHENATED.matcher(text);
        if (!m.find()) return text;
        StringBuilder out = new StringBuilder(text.length() + 32);
        int last = 0;
        do {
            out.append(text, last, m.end()).append(' ').append(m.group().replace("-", ""));
            last = m.end();
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }

    static Reader joining(Reader reader) {
        try {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) > 0; ) text.append(buffer, 0, n);
            return new StringReader(joining(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
