package com.ipexpert.retrieval;

/** The language a piece of text is embedded as; each has its own model and vector field. */
public enum Language {
    ENGLISH, CHINESE;

    /**
     * Chinese when CJK characters make up at least {@code chineseShare} of the letters. Letters, not words,
     * are counted so that command lines inside a Chinese manual do not tip it over to English too easily.
     */
    public static Language of(CharSequence text, double chineseShare) {
        double cjk = cjkShare(text);
        return cjk > 0 && cjk >= chineseShare ? CHINESE : ENGLISH;
    }

    public static double cjkShare(CharSequence text) {
        int cjk = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                cjk++;
                letters++;
            } else if (Character.isLetter(cp)) {
                letters++;
            }
        }
        return letters == 0 ? 0 : (double) cjk / letters;
    }

    public static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
