package com.ipexpert.retrieval.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A vendor's offline HTML manual as a zip: many pages with relative links between them and images beside them.
 * Opening one checks it the way an unpacked archive must be checked before anything is trusted: a bounded number
 * of entries and pages, a bounded total of inflated bytes (counted while inflating, not taken from the headers),
 * and no entry that would land outside the bundle (absolute paths, {@code ..}, symbolic links). Pages come back in
 * reading order: the start page ({@code index.html}), then the pages its links lead to, breadth first, then the rest
 * by path. Images and style sheets are not read.
 */
final class HtmlBundle {

    /** How large a bundle may be. */
    record Limits(int maxPages, int maxEntries, long maxInflatedBytes) {
        static Limits defaults() {
            return new Limits(1_000, 5_000, 64L * 1024 * 1024);
        }
    }

    record Member(String path, String html) {
    }

    private HtmlBundle() {
    }

    static boolean isPage(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml");
    }

    /**
     * The pages of the bundle in reading order.
     *
     * @throws UnreadableDocument      an entry outside the bundle, a symbolic link, too many entries or pages, too
     *                                 many inflated bytes, or not a readable zip
     * @throws UnsupportedDocumentType the zip holds no HTML page
     */
    static List<Member> pages(String fileName, byte[] zip, Limits limits) {
        List<ZipArchiveEntry> pageEntries = new ArrayList<>();
        Map<String, Member> pages = new LinkedHashMap<>();
        try (ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            List<ZipArchiveEntry> entries = Collections.list(file.getEntries());
            if (entries.size() > limits.maxEntries()) {
                throw new UnreadableDocument(UnreadableDocument.Reason.TOO_MANY_PAGES, "the archive " + fileName + " holds "
                        + entries.size() + " entries; an HTML manual may hold at most " + limits.maxEntries());
            }
            for (ZipArchiveEntry entry : entries) {
                String name = entry.getName();
                checkPath(fileName, name);
                if (entry.isUnixSymlink()) {
                    throw new UnreadableDocument(UnreadableDocument.Reason.CORRUPT, "the archive " + fileName
                            + " holds a symbolic link (" + name + "); pack the files themselves and upload it again");
                }
                if (!entry.isDirectory() && isPage(name)) pageEntries.add(entry);
            }
            if (pageEntries.isEmpty()) {
                throw new UnsupportedDocumentType(fileName, "application/zip", "the archive " + fileName
                        + " holds no HTML page; a .zip is accepted only as an HTML manual (pages ending .html or .htm)");
            }
            if (pageEntries.size() > limits.maxPages()) {
                throw new UnreadableDocument(UnreadableDocument.Reason.TOO_MANY_PAGES, "the archive " + fileName + " holds "
                        + pageEntries.size() + " HTML pages; at most " + limits.maxPages() + " are accepted in one upload");
            }
            long[] inflated = {0};
            for (ZipArchiveEntry entry : pageEntries) {
                if (entry.getSize() > limits.maxInflatedBytes()) throw tooLarge(fileName, limits);
                if (!file.canReadEntryData(entry)) {
                    throw new UnreadableDocument(UnreadableDocument.Reason.CORRUPT, "the archive " + fileName
                            + " stores " + entry.getName() + " encrypted or with an unsupported compression method");
                }
                try (InputStream in = file.getInputStream(entry)) {
                    byte[] content = readBounded(in, inflated, fileName, limits);
                    String path = normalise(entry.getName());
                    pages.put(path, new Member(path, new String(content, charsetOf(content))));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableDocument(UnreadableDocument.Reason.CORRUPT, "the file " + fileName
                    + " could not be read as a zip archive (" + e.getMessage() + "); check that it opens on your computer");
        }
        return readingOrder(pages);
    }

    private static void checkPath(String fileName, String name) {
        String n = name.replace('\\', '/');
        boolean absolute = n.startsWith("/") || n.matches("^[A-Za-z]:.*");
        boolean escapes = List.of(n.split("/")).contains("..");
        if (absolute || escapes || n.indexOf('\0') >= 0) {
            throw new UnreadableDocument(UnreadableDocument.Reason.CORRUPT, "the archive " + fileName + " holds an entry outside"
                    + " the manual (" + name.replaceAll("\\p{Cntrl}", "?") + "); entries must be relative paths inside it");
        }
    }

    private static byte[] readBounded(InputStream in, long[] inflated, String fileName, Limits limits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            inflated[0] += n;
            if (inflated[0] > limits.maxInflatedBytes()) throw tooLarge(fileName, limits);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static UnreadableDocument tooLarge(String fileName, Limits limits) {
        return new UnreadableDocument(UnreadableDocument.Reason.TOO_MUCH_TEXT, "the archive " + fileName
                + " expands to more than " + limits.maxInflatedBytes() / (1024 * 1024) + " MB of pages and was refused");
    }

    /** UTF-8 unless the page declares GBK or GB2312 (older Chinese vendor manuals). */
    private static java.nio.charset.Charset charsetOf(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("charset=gb2312") || head.contains("charset=\"gb2312") || head.contains("charset=gbk")
                || head.contains("charset=\"gbk") || head.contains("charset=gb18030")) {
            return java.nio.charset.Charset.forName("GB18030");
        }
        return StandardCharsets.UTF_8;
    }

    private static String normalise(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./")) n = n.substring(2);
        return n;
    }

    private static List<Member> readingOrder(Map<String, Member> pages) {
        List<String> paths = new ArrayList<>(pages.keySet());
        Collections.sort(paths);
        String start = paths.stream().filter(p -> p.toLowerCase(Locale.ROOT).matches("(.*/)?index\\.x?html?"))
                .min((a, b) -> Integer.compare(a.split("/").length, b.split("/").length)).orElse(paths.get(0));
        Set<String> ordered = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            if (!ordered.add(path)) continue;
            for (Element link : Jsoup.parse(pages.get(path).html()).select("a[href]")) {
                String target = resolve(path, link.attr("href"));
                if (target != null && pages.containsKey(target) && !ordered.contains(target)) queue.addLast(target);
            }
        }
        ordered.addAll(paths);
        return ordered.stream().map(pages::get).toList();
    }

    /** A relative link from one page to another page of the bundle, without its fragment; null for anything else. */
    static String resolve(String from, String href) {
        try {
            String h = href.strip();
            int hash = h.indexOf('#');
            if (hash >= 0) h = h.substring(0, hash);
            int query = h.indexOf('?');
            if (query >= 0) h = h.substring(0, query);
            if (h.isEmpty() || h.contains(":") || h.startsWith("/")) return null;
            URI resolved = URI.create("bundle:/" + from.replace(" ", "%20")).resolve(h.replace(" ", "%20"));
            String path = resolved.getPath();
            if (path == null || !path.startsWith("/")) return null;
            return path.substring(1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
