package com.ipexpert.retrieval.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads Tika's XHTML events into blocks: {@code <div class="page">} starts a page, {@code <h1..h6>} are
 * headings, {@code <pre>} is kept as a command block, tables become pipe-joined rows, and the text of
 * paragraphs goes through {@link TextStructure} to find headings and command runs that only show by
 * their lines. Enforces the page and text limits as the events arrive, before memory fills up.
 */
final class StructureHandler extends DefaultHandler {

    /** Thrown from inside the SAX stream when a limit is passed; unwrapped by the parser. */
    static final class LimitExceeded extends SAXException {
        final UnreadableDocument.Reason reason;

        LimitExceeded(UnreadableDocument.Reason reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "blockquote", "dt", "dd", "section",
            "article", "ul", "ol", "dl", "body", "caption", "figcaption");
    private static final Set<String> SKIPPED = Set.of("head", "title", "script", "style", "meta");

    private final boolean markdown;
    private final int maxPages;
    private final long maxChars;
    private final IntConsumer onPage;
    private final List<TextBlock> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final List<String> rows = new ArrayList<>();
    private final List<String> cells = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private int page;
    private int skipDepth;
    private int tableDepth;
    private long chars;

    StructureHandler(boolean markdown, int maxPages, long maxChars, IntConsumer onPage) {
        this.markdown = markdown;
        this.maxPages = maxPages;
        this.maxChars = maxChars;
        this.onPage = onPage;
    }

    List<TextBlock> blocks() {
        flushText(false);
        return blocks;
    }

    int pages() {
        return page;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipDepth++;
            return;
        }
        if (name.equals("div") && "page".equals(attributes.getValue("class"))) {
            flushText(false);
            page++;
            if (page > maxPages) {
                throw new LimitExceeded(UnreadableDocument.Reason.TOO_MANY_PAGES,
                        "the document has more than " + maxPages + " pages; split it into smaller files");
            }
            onPage.accept(page);
            return;
        }
        switch (name) {
            case "table" -> {
                if (tableDepth++ == 0) {
                    flushText(false);
                    rows.clear();
                }
            }
            case "tr" -> cells.clear();
            case "td", "th" -> cell.setLength(0);
            case "br" -> append("\n");
            case "pre" -> {
                flushText(false);
            }
            default -> {
                if (tableDepth == 0 && (BLOCKS.contains(name) || headingLevel(name) > 0)) flushText(false);
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipDepth--;
            return;
        }
        int level = headingLevel(name);
        if (tableDepth > 0) {
            switch (name) {
                case "td", "th" -> cells.add(cell.toString().replaceAll("\\s+", " ").strip());
                case "tr" -> {
                    if (cells.stream().anyMatch(c -> !c.isEmpty())) rows.add("| " + String.join(" | ", cells) + " |");
                }
                case "table" -> {
                    if (--tableDepth == 0 && !rows.isEmpty()) blocks.add(TextBlock.table(String.join("\n", rows), page));
                }
                case "p", "div", "li" -> cell.append(' ');
                default -> { }
            }
            return;
        }
        if (level > 0) {
            String heading = text.toString().replaceAll("\\s+", " ").strip();
            text.setLength(0);
            if (!heading.isEmpty()) blocks.add(TextBlock.heading(heading, level, page));
        } else if (name.equals("pre")) {
            flushText(true);
        } else if (BLOCKS.contains(name)) {
            flushText(false);
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) return;
        chars += length;
        if (chars > maxChars) {
            throw new LimitExceeded(UnreadableDocument.Reason.TOO_MUCH_TEXT,
                    "the document holds more than " + maxChars + " characters of text; split it into smaller files");
        }
        if (tableDepth > 0) {
            cell.append(ch, start, length);
        } else {
            text.append(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length); // Tika's PDF text ends its lines here
    }

    private void append(String s) {
        if (tableDepth > 0) cell.append(s);
        else text.append(s);
    }

    private void flushText(boolean preformatted) {
        if (text.isEmpty()) return;
        String content = text.toString();
        text.setLength(0);
        if (content.isBlank()) return;
        if (preformatted) {
            blocks.add(TextBlock.command(content.strip().replace("\r", ""), page));
        } else {
            blocks.addAll(TextStructure.blocksOf(content, page, markdown));
        }
    }

    private static int headingLevel(String name) {
        if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
            return name.charAt(1) - '0';
        }
        return 0;
    }

    private static String name(String localName, String qName) {
        return (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
    }
}
