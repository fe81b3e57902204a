package com.ipexpert.retrieval.index;

import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two analyses every chunk's text is keyword-indexed under: Latin words (stemmed English, CJK dropped),
 * so the English terms in a Chinese question (OSPF, BGP, display) find English chunks; and SmartChinese
 * word segmentation, which also lowercases and stems the English in Chinese text.
 */
final class KeywordAnalyzers {
    static final String LATIN_FIELD = "kw_latin";
    static final String CHINESE_FIELD = "kw_zh";

    private KeywordAnalyzers() {}

    static Analyzer latin() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new TypeTokenFilter(tokenizer, Set.of(
                        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC],
                        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA],
                        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA],
                        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL]));
                stream = new EnglishPossessiveFilter(stream);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    static Analyzer chinese() {
        return new SmartChineseAnalyzer();
    }

    /** Per-field analysis for the index writer: keyword fields analysed, every other field as is. */
    static Analyzer perField(Analyzer latin, Analyzer chinese) {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(LATIN_FIELD, latin, CHINESE_FIELD, chinese));
    }
}
