package com.ipexpert.analyst;

/**
 * Receives the text of a decision while the analyst is still writing it: the answer of a solution, or the analysis
 * of a clarification. A draft is never stored; the decision the step concludes with is. Calls come from the thread
 * running the step, in order; an implementation must not throw.
 */
@FunctionalInterface
public interface DraftSink {

    /** Nobody listens: an analyst that does not stream, or a step nobody watches. */
    DraftSink NONE = (field, offset, text) -> {
    };

    /**
     * More of the draft: {@code text} starts at character {@code offset} of the draft of {@code field}
     * ({@code answer} or {@code analysis}). An offset of 0 starts a new draft; whoever keeps the draft sets it to
     * {@code draft.substring(0, offset) + text}.
     */
    void write(String field, int offset, String text);
}
