package com.ipexpert.retrieval.index;

import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
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
        return latin(CharArraySet.EMPTY_SET);
    }

    /** The Latin analysis of a question: also drops the words that make it a question (how, which, do I). */
    static Analyzer latinQuestion() {
        return latin(QuestionWords.ENGLISH);
    }

    private static Analyzer latin(CharArraySet questionWords) {
        return new Analyzer() {
            @Override
            protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
                return CompoundWords.joining(reader);
            }

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
                if (!questionWords.isEmpty()) stream = new StopFilter(stream, questionWords);
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
        return chinese(SmartChineseAnalyzer.getDefaultStopSet());
    }

    /** The SmartChinese analysis of a question: also drops question and function words (如何, 怎么, 的). */
    static Analyzer chineseQuestion() {
        CharArraySet stop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        stop.addAll(QuestionWords.CHINESE);
        stop.addAll(QuestionWords.ENGLISH);
        stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return chinese(CharArraySet.unmodifiableSet(stop));
    }

    /** As Lucene's SmartChineseAnalyzer (which is final), with the hyphenated terms joined first. */
    private static Analyzer chinese(CharArraySet stop) {
        return new Analyzer() {
            @Override
            protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
                return CompoundWords.joining(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                // HMMChineseTokenizer lowercases Basic Latin itself.
                TokenStream stream = new PorterStemFilter(tokenizer);
                if (!stop.isEmpty()) stream = new StopFilter(stream, stop);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** Per-field analysis for the index writer: keyword fields analysed, every other field as is. */
    static Analyzer perField(Analyzer latin, Analyzer chinese) {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(LATIN_FIELD, latin, CHINESE_FIELD, chinese));
    }
}
