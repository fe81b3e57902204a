package com.ipexpert.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class KeywordAnalyzersTest {

    @Test
    void a_hyphenated_term_matches_its_joined_spelling_and_keeps_its_parts() {
        assertThat(tokens(KeywordAnalyzers.latin(), "ISIS router")).contains("isi");
        assertThat(tokens(KeywordAnalyzers.latinQuestion(), "Set the IS-IS NET address")).contains("isi");
        assertThat(tokens(KeywordAnalyzers.latin(), "ip ospf hello-interval (1-65535)"))
                .containsSubsequence("hello", "interv", "hellointerv").doesNotContain("165535");
        assertThat(tokens(KeywordAnalyzers.chinese(), "配置 TI-LFA 保护")).contains("ti", "lfa", "tilfa");
    }

    @Test
    void a_question_loses_the_words_that_make_it_a_question_and_the_indexed_text_keeps_them() {
        assertThat(tokens(KeywordAnalyzers.latinQuestion(), "How do I change the OSPF hello interval?"))
                .containsExactly("chang", "ospf", "hello", "interv");
        assertThat(tokens(KeywordAnalyzers.latin(), "How the hello interval is set")).contains("how");
        assertThat(tokens(KeywordAnalyzers.chineseQuestion(), "如何修改网卡的 MAC 地址？"))
                .doesNotContain("如何", "的").contains("修改", "mac", "地址");
        assertThat(tokens(KeywordAnalyzers.chinese(), "如何修改网卡的地址")).contains("如何", "的");
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) tokens.add(term.toString());
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
