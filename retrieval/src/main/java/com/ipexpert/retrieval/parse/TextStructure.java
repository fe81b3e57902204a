package com.ipexpert.retrieval.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the structure that plain text only shows by its lines: markdown and numbered headings
 * ({@code ## OSPF}, {@code 1.2.3 Configuring areas}, {@code 第3章 路由}), fenced or indented code, CLI command
 * runs with the device output under them, and pipe tables. Used for TXT and MD files and for the paragraphs
 * Tika takes out of PDF pages, which carry no heading marks of their own.
 */
final class TextStructure {

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern NUMBERED_HEADING =
            Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,4})(\\.?)\\s+(\\S.{0,78})$");
    private static final Pattern CHAPTER_HEADING = Pattern.compile("^第\\s?[0-9一二三四五六七八九十百]{1,4}\\s?([章节])\\s*(\\S.{0,40})$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\|?[\\s:|\\-+]+\\|?$");

    private final int page;
    private final boolean markdown;
    private final List<TextBlock> out = new ArrayList<>();
    private final StringBuilder paragraph = new StringBuilder();
    private final List<String> command = new ArrayList<>();
    private final List<String> table = new ArrayList<>();
    private boolean inFence;

    private TextStructure(int page, boolean markdown) {
        this.page = page;
        this.markdown = markdown;
    }

    /**
     * The blocks found in a run of text lines from one page (0 when unpaged). {@code #} headings count only
     * in markdown: elsewhere {@code # ...} is a shell prompt or a comment.
     */
    static List<TextBlock> blocksOf(String text, int page, boolean markdown) {
        TextStructure structure = new TextStructure(page, markdown);
        for (String line : text.split("\\R", -1)) structure.accept(line);
        structure.flushAll();
        if (structure.inFence) structure.flushCommand();
        return structure.out;
    }

    private void accept(String line) {
        String stripped = line.strip();
        if (inFence) {
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                inFence = false;
                flushCommand();
            } else {
                command.add(line.stripTrailing());
            }
            return;
        }
        if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
            flushAll();
            inFence = true;
            return;
        }
        if (stripped.isEmpty()) {
            flushAll();
            return;
        }
        Matcher hashes = MARKDOWN_HEADING.matcher(stripped);
        if (markdown && hashes.matches() && !line.startsWith("    ")) {
            flushAll();
            out.add(TextBlock.heading(hashes.group(2), hashes.group(1).length(), page));
            return;
        }
        if (stripped.startsWith("|") && stripped.endsWith("|") && stripped.length() > 2) {
            flushParagraph();
            flushCommand();
            if (!TABLE_SEPARATOR.matcher(stripped).matches()) table.add(stripped);
            return;
        }
        flushTable();
        if (CommandLines.isCommand(line) || isDeviceOutput(line) || isIndentedCode(line)) {
            flushParagraph();
            command.add(line.stripTrailing());
            return;
        }
        if (paragraph.isEmpty()) {
            TextBlock heading = numberedHeading(stripped);
            if (heading != null) {
                flushCommand();
                out.add(heading);
                return;
            }
        }
        flushCommand();
        appendProse(stripped);
    }

    /** Lines printed under a command (aligned columns, indented output) stay with it. */
    private boolean isDeviceOutput(String line) {
        if (command.isEmpty()) return false;
        String stripped = line.strip();
        return Character.isWhitespace(line.charAt(0)) || stripped.contains("  ") || stripped.equals("#")
                || stripped.equals("!") || stripped.startsWith("---");
    }

    private boolean isIndentedCode(String line) {
        return (line.startsWith("    ") || line.startsWith("\t")) && paragraph.isEmpty();
    }

    private TextBlock numberedHeading(String line) {
        Matcher chapter = CHAPTER_HEADING.matcher(line);
        if (chapter.matches() && !endsLikeSentence(line)) {
            return TextBlock.heading(line, chapter.group(1).equals("章") ? 1 : 2, page);
        }
        Matcher numbered = NUMBERED_HEADING.matcher(line);
        if (!numbered.matches()) return null;
        String title = numbered.group(3);
        int level = numbered.group(1).split("\\.").length;
        boolean listItem = level == 1 && !numbered.group(2).isEmpty();
        int first = title.codePointAt(0);
        if (listItem || endsLikeSentence(title) || !Character.isLetter(first) || title.split("\\s+").length > 10
                || title.matches(".*[。！？；，,;].*") || title.length() > 60) {
            return null;
        }
        return TextBlock.heading(line, Math.min(level, 6), page);
    }

    private static boolean endsLikeSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return ".。:：;；,，!！?？".indexOf(last) >= 0 && !text.endsWith("...");
    }

    private void appendProse(String line) {
        if (!paragraph.isEmpty()) {
            char before = paragraph.charAt(paragraph.length() - 1);
            if (before == '-' && paragraph.length() > 1 && Character.isLetter(paragraph.charAt(paragraph.length() - 2))
                    && Character.isLowerCase(line.charAt(0))) {
                paragraph.setLength(paragraph.length() - 1); // a word hyphenated across a PDF line break
            } else if (!(isCjk(before) && isCjk(line.codePointAt(0)))) {
                paragraph.append(' ');
            }
        }
        paragraph.append(line);
    }

    private static boolean isCjk(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN
                || "，。！？；：（）、“”".indexOf(codePoint) >= 0;
    }

    private void flushAll() {
        flushParagraph();
        flushCommand();
        flushTable();
    }

    private void flushParagraph() {
        if (!paragraph.isEmpty()) out.add(TextBlock.paragraph(paragraph.toString(), page));
        paragraph.setLength(0);
    }

    private void flushCommand() {
        while (!command.isEmpty() && command.get(command.size() - 1).isBlank()) command.remove(command.size() - 1);
        if (!command.isEmpty()) out.add(TextBlock.command(String.join("\n", stripCommonIndent(command)), page));
        command.clear();
    }

    private void flushTable() {
        if (!table.isEmpty()) out.add(TextBlock.table(String.join("\n", table), page));
        table.clear();
    }

    private static List<String> stripCommonIndent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(Math.min(indent, l.length()))).toList();
    }
}
