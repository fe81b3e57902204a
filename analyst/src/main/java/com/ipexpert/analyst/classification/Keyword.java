package com.ipexpert.analyst.classification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One weighted clue looked for in an engineer's text. Latin terms match as whole words only, with the edges
 * spelled out as look-arounds: Java's {@code \b} treats Chinese characters as word characters, so
 * "邻居卡在ExStart" would not match {@code \bExStart\b}.
 */
record Keyword(String label, Pattern pattern, int weight) {

    private static final String BEFORE = "(?<![A-Za-z0-9_])";
    private static final String AFTER = "(?![A-Za-z0-9_])";

    /** A word or phrase, any case ("ospf", "Dead interval", "光模块"). */
    static Keyword term(String text, int weight) {
        return new Keyword(text, Pattern.compile(BEFORE + Pattern.quote(text) + AFTER,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), weight);
    }

    /** A word whose case carries meaning: protocol states and short acronyms ("Idle", "DR", "SA"). */
    static Keyword exact(String text, int weight) {
        return new Keyword(text, Pattern.compile(BEFORE + Pattern.quote(text) + AFTER), weight);
    }

    /** A regular expression, any case, named by {@code label} in traces. */
    static Keyword regex(String label, String regex, int weight) {
        return new Keyword(label, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), weight);
    }

    /** Where this clue first occurs in {@code text}, or -1. */
    int firstIndexIn(String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.start() : -1;
    }
}
