package com.ipexpert.retrieval.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads one page of a vendor's HTML manual (Sphinx-built FRR docs, Huawei's HedEx/infocenter pages and the like)
 * into blocks. What a reader skips is dropped: scripts, styles, navigation, headers, footers, sidebars, breadcrumbs
 * and permalink marks ({@code ¶}). What organises the page becomes headings, so it ends up in each chunk's location
 * path: the page title (when the page has no {@code <h1>}), {@code <h1..h6>}, a command's definition term (FRR's
 * {@code <dl class="clicmd">}) and a table's caption. {@code <pre>} is a command block; tables are pipe-joined rows.
 */
final class HtmlManualReader {
    /** Elements that never hold manual text. */
    private static final String DROPPED = "script, style, noscript, template, iframe, object, embed, svg, canvas, form,"
            + " button, input, select, textarea, nav, header, footer, aside, link, meta, head,"
            + " [role=navigation], [role=banner], [role=contentinfo], [role=search], [hidden], a.headerlink,"
            + " [aria-hidden=true]";
    /** Class or id words that vendors' templates use for navigation and page furniture. */
    private static final Pattern FURNITURE = Pattern.compile(
            "(^|[-_\\s])(nav|navbar|navigation|sidebar|sphinxsidebar|related|breadcrumbs?|crumbs?|menu|toc|toctree-wrapper"
                    + "|footer|header|banner|copyright|headerlink|skip|pagination|prev-next|feedback|parentlink|familylinks)"
                    + "($|[-_\\s])");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "li", "blockquote", "dd", "section", "article",
            "main", "ul", "ol", "dl", "body", "figcaption", "figure", "center", "td", "th", "br", "hr", "tr", "table",
            "caption", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dt");

    private HtmlManualReader() {
    }

    /** What a page held: its blocks, and how much visible text against how much script it carried. */
    record Page(String title, List<TextBlock> blocks, int textChars, int scriptChars) {
        /** A page that is an application shell (its text is built by scripts) rather than a document. */
        boolean mostlyScript() {
            return scriptChars > 0 && textChars < 200 && scriptChars > 4 * textChars;
        }
    }

    static Page read(String html, String baseUri) {
        Document document = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        int scriptChars = document.select("script").stream().mapToInt(s -> s.data().length()).sum();
        String title = clean(document.title());
        Element body = document.body();
        body.select(DROPPED).remove();
        for (Element element : new ArrayList<>(body.getAllElements())) {
            if (element == body || element.parent() == null) continue;
            String marks = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
            if (!marks.isBlank() && FURNITURE.matcher(marks).find() && !isContent(element)) element.remove();
        }
        Builder builder = new Builder();
        boolean hasH1 = !body.select("h1").isEmpty();
        if (!hasH1 && !title.isEmpty()) builder.heading(title, 1);
        builder.walk(body, 0);
        builder.flush();
        int textChars = builder.blocks.stream().mapToInt(b -> b.text().length()).sum();
        return new Page(title, builder.blocks, textChars, scriptChars);
    }

    /** The main text container of Sphinx and DITA pages sometimes carries a furniture-like word ("body-nav"): keep those holding headings. */
    private static boolean isContent(Element element) {
        String tag = element.normalName();
        return tag.equals("main") || tag.equals("article") || element.is("[role=main]") || !element.select("h1, h2").isEmpty()
                && element.text().length() > 400;
    }

    private static String clean(String text) {
        return text.replace('\u00a0', ' ').replace("¶", "").replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
    }

    private static final class Builder {
        final List<TextBlock> blocks = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        /** The level of the last real heading: definition terms and captions sit one below it. */
        int sectionLevel;

        void walk(Element element, int levelShift) {
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode textNode) {
                    append(textNode.getWholeText());
                } else if (child instanceof Element e) {
                    visit(e, levelShift);
                }
            }
        }

        private void visit(Element e, int levelShift) {
            String tag = e.normalName();
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    int level = Math.min(6, tag.charAt(1) - '0' + levelShift);
                    heading(clean(e.text()), level);
                    sectionLevel = level;
                }
                case "pre" -> {
                    flush();
                    String command = e.wholeText().replace('\u00a0', ' ').replace("¶", "").stripTrailing();
                    command = command.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
                    command = stripBlankEdges(command);
                    if (!command.isBlank()) blocks.add(TextBlock.command(command, 0));
                }
                case "table" -> table(e, levelShift);
                case "dt" -> {
                    // FRR's command reference: <dl class="clicmd"><dt>ip ospf hello-interval (1-65535)</dt><dd>...</dd></dl>
                    if (isCommandTerm(e)) {
                        String term = clean(e.text());
                        if (!term.isEmpty()) heading(term, levelBelowSectionOf(e, levelShift));
                    } else {
                        flush();
                        walk(e, levelShift);
                        flush();
                    }
                }
                case "br" -> append("\n");
                case "img" -> {
                    String alt = clean(e.attr("alt"));
                    if (alt.length() > 3) append(" " + alt + " ");
                }
                default -> {
                    boolean block = BLOCK_TAGS.contains(tag);
                    if (block) flush();
                    walk(e, levelShift);
                    if (block) flush();
                }
            }
        }

        private boolean isCommandTerm(Element dt) {
            Element dl = dt.parent();
            String classes = dl == null ? "" : dl.className().toLowerCase(Locale.ROOT);
            return classes.contains("clicmd") || classes.contains("command") || classes.contains("cli")
                    || !dt.select("code, kbd, samp, tt, .cmdname, .command").isEmpty()
                    && dt.text().length() <= 160;
        }

        /**
         * One level below the heading of the section holding the element (the nearest ancestor with a heading of its
         * own), so a command or a table caption names what follows it within that section only.
         */
        private int levelBelowSectionOf(Element element, int levelShift) {
            for (Element ancestor = element.parent(); ancestor != null; ancestor = ancestor.parent()) {
                for (Element child : ancestor.children()) {
                    String tag = child.normalName();
                    if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                        return Math.min(6, tag.charAt(1) - '0' + levelShift + 1);
                    }
                }
            }
            return Math.min(6, Math.max(1, sectionLevel + 1));
        }

        private void table(Element table, int levelShift) {
            flush();
            Element caption = table.selectFirst("caption");
            if (caption != null && !clean(caption.text()).isEmpty()) {
                heading(clean(caption.text()), levelBelowSectionOf(table, levelShift));
            }
            List<String> rows = new ArrayList<>();
            for (Element row : table.select("tr")) {
                if (row.closest("table") != table) continue;
                List<String> cells = new ArrayList<>();
                for (Element cell : row.children()) {
                    if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                        cells.add(clean(cell.text()).replace('|', '/'));
                    }
                }
                if (cells.stream().anyMatch(c -> !c.isEmpty())) rows.add(String.join(" | ", cells));
            }
            if (!rows.isEmpty()) blocks.add(TextBlock.table(String.join("\n", rows), 0));
        }

        void heading(String text, int level) {
            flush();
            if (!text.isEmpty()) blocks.add(TextBlock.heading(text, Math.max(1, Math.min(6, level)), 0));
        }

        void append(String s) {
            text.append(s);
        }

        void flush() {
            String paragraph = clean(text.toString().replaceAll("\\s*\\n\\s*", " "));
            text.setLength(0);
            if (!paragraph.isEmpty()) blocks.add(TextBlock.paragraph(paragraph, 0));
        }

        private static String stripBlankEdges(String s) {
            List<String> lines = new ArrayList<>(s.lines().toList());
            while (!lines.isEmpty() && lines.get(0).isBlank()) lines.remove(0);
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
            return String.join("\n", lines);
        }
    }
}
