package com.ipexpert.analyst.llm;

import com.ipexpert.analyst.DraftSink;

import java.util.Set;

/**
 * Reads a model's JSON decision as it streams in, and passes on the text of its {@code answer} or {@code analysis}
 * as it is written, decoded (escapes resolved), before the reply is whole. It follows only what it needs of JSON:
 * strings, escapes and nesting, so a key of the same name inside a nested object or a list is not taken. Words
 * before the object (a preamble, a {@code ```json} fence) and a reasoning model's {@code <think>} block are
 * skipped. The whole reply is still parsed by {@link ModelReply} at the end; this only shows it early.
 */
final class DraftReader {
    static final Set<String> FIELDS = Set.of("answer", "analysis");
    private static final String THINK_OPEN = "<think>";
    private static final String THINK_CLOSE = "</think>";

    private enum State { BEFORE_OBJECT, IN_OBJECT, IN_KEY, AFTER_KEY, BEFORE_VALUE, IN_DRAFT, IN_OTHER_STRING, DONE }

    private final DraftSink sink;
    private State state = State.BEFORE_OBJECT;
    private int depth;
    /** Whether the next string at the top level is a key: after the opening brace or a comma. */
    private boolean expectingKey = true;
    private final StringBuilder key = new StringBuilder();
    private final StringBuilder head = new StringBuilder();
    private boolean thinking;
    private boolean escaped;
    private final StringBuilder unicode = new StringBuilder();
    private boolean inUnicode;
    private char highSurrogate;
    private String field;
    private int written;
    private final StringBuilder pending = new StringBuilder();

    DraftReader(DraftSink sink) {
        this.sink = sink == null ? DraftSink.NONE : sink;
    }

    /** The next piece of the reply, as the model sent it. */
    void feed(String piece) {
        if (piece == null || piece.isEmpty() || state == State.DONE) return;
        for (int i = 0; i < piece.length(); i++) read(piece.charAt(i));
        flush();
    }

    private void read(char c) {
        switch (state) {
            case BEFORE_OBJECT -> beforeObject(c);
            case IN_OBJECT -> inObject(c);
            case IN_KEY -> inString(c, key);
            case AFTER_KEY -> {
                if (c == ':') {
                    expectingKey = false;
                    state = State.BEFORE_VALUE;
                }
                else if (!Character.isWhitespace(c)) state = State.IN_OBJECT;
            }
            case BEFORE_VALUE -> {
                if (Character.isWhitespace(c)) return;
                if (c == '"' && depth == 1 && FIELDS.contains(key.toString())) {
                    field = key.toString();
                    written = 0;
                    state = State.IN_DRAFT;
                } else {
                    state = State.IN_OBJECT;
                    inObject(c);
                }
            }
            case IN_DRAFT -> inString(c, pending);
            case IN_OTHER_STRING -> inString(c, null);
            case DONE -> {
            }
        }
    }

    /** Skips words and a {@code <think>} block until the decision's opening brace. */
    private void beforeObject(char c) {
        if (thinking) {
            head.append(c);
            if (head.length() > THINK_CLOSE.length()) head.deleteCharAt(0);
            if (head.toString().equals(THINK_CLOSE)) {
                thinking = false;
                head.setLength(0);
            }
            return;
        }
        if (c == '{') {
            depth = 1;
            state = State.IN_OBJECT;
            return;
        }
        head.append(c);
        if (head.length() > THINK_OPEN.length()) head.deleteCharAt(0);
        if (head.toString().equals(THINK_OPEN)) {
            thinking = true;
            head.setLength(0);
        }
    }

    private void inObject(char c) {
        switch (c) {
            case '"' -> {
                if (depth == 1 && state == State.IN_OBJECT && expectingKey) {
                    key.setLength(0);
                    state = State.IN_KEY;
                } else {
                    state = State.IN_OTHER_STRING;
                }
            }
            case '{', '[' -> {
                depth++;
                expectingKey = false;
            }
            case '}', ']' -> {
                depth--;
                if (depth == 0) state = State.DONE;
            }
            case ',' -> expectingKey = depth == 1;
            case ':' -> expectingKey = false;
            default -> {
            }
        }
    }

    /** A string's characters; {@code into} collects them decoded (null: they are skipped). */
    private void inString(char c, StringBuilder into) {
        if (inUnicode) {
            unicode.append(c);
            if (unicode.length() == 4) {
                inUnicode = false;
                char decoded;
                try {
                    decoded = (char) Integer.parseInt(unicode.toString(), 16);
                } catch (NumberFormatException e) {
                    decoded = '\uFFFD';
                }
                append(into, decoded);
            }
            return;
        }
        if (escaped) {
            escaped = false;
            switch (c) {
                case 'n' -> append(into, '\n');
                case 't' -> append(into, '\t');
                case 'r' -> append(into, '\r');
                case 'b' -> append(into, '\b');
                case 'f' -> append(into, '\f');
                case 'u' -> {
                    inUnicode = true;
                    unicode.setLength(0);
                }
                default -> append(into, c);
            }
            return;
        }
        if (c == '\\') {
            escaped = true;
        } else if (c == '"') {
            endString();
        } else {
            append(into, c);
        }
    }

    /** Appends one decoded character; a surrogate pair goes out whole, never split between two writes. */
    private void append(StringBuilder into, char c) {
        if (into == null) return;
        if (Character.isHighSurrogate(c)) {
            highSurrogate = c;
            return;
        }
        if (highSurrogate != 0) {
            if (Character.isLowSurrogate(c)) into.append(highSurrogate);
            highSurrogate = 0;
        }
        into.append(c);
    }

    private void endString() {
        switch (state) {
            case IN_KEY -> state = State.AFTER_KEY;
            case IN_DRAFT -> {
                flush();
                field = null;
                expectingKey = false;
                state = State.IN_OBJECT;
            }
            default -> state = State.IN_OBJECT;
        }
    }

    private void flush() {
        if (pending.isEmpty() || field == null) return;
        String text = pending.toString();
        pending.setLength(0);
        int offset = written;
        written += text.length();
        try {
            sink.write(field, offset, text);
        } catch (RuntimeException e) {
            // a watcher's trouble never fails the step
        }
    }
}
