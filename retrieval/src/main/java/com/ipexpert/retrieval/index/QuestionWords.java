package com.ipexpert.retrieval.index;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The words that make a sentence a question rather than say what it is about. Manuals rarely contain them,
 * so BM25 gives them a high weight and ranks up any passage that happens to say "how" or 如何; they are dropped
 * from questions (never from the indexed text).
 */
final class QuestionWords {
    static final CharArraySet ENGLISH = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "how", "what", "which", "when", "where", "why", "who", "whom", "whose",
            "do", "does", "did", "can", "could", "should", "would", "shall", "may", "might",
            "i", "me", "my", "we", "our", "you", "your", "am", "been", "has", "have", "had"), true));

    static final CharArraySet CHINESE = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "如何", "怎么", "怎样", "怎么样", "什么", "为什么", "哪个", "哪些", "哪", "多少", "是否", "能否", "能不能",
            "可以", "吗", "呢", "吧", "么", "的", "了", "地", "得", "我", "我的", "我们", "你", "请问", "应该", "要",
            "时候", "是", "在", "和", "与", "或", "一个", "有"), false));

    private QuestionWords() {}
}
