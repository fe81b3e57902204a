package com.ipexpert.analyst.offline;

/** The language the engineer writes in, which the analyst answers in. */
enum Language {
    CHINESE, ENGLISH;

    /**
     * Chinese as soon as the engineer writes a few Chinese characters, or when Chinese makes up a fair share of the
     * letters: "华为 NE40E" alone is a vendor name in an English sentence, "OSPF邻居卡在ExStart" is Chinese.
     */
    static Language of(String text) {
        if (text == null) return ENGLISH;
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) han++;
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) latin++;
        }
        return han >= 4 || (han > 0 && han * 4 >= latin) ? CHINESE : ENGLISH;
    }

    String code() {
        return this == CHINESE ? "zh" : "en";
    }
}
