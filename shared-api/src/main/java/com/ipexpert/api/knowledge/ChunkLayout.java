package com.ipexpert.api.knowledge;

import com.ipexpert.api.knowledge.DocumentEvents.ChunkHidden;
import com.ipexpert.api.knowledge.DocumentEvents.ChunkSplit;
import com.ipexpert.api.knowledge.DocumentEvents.ChunkTextEdited;
import com.ipexpert.api.knowledge.DocumentEvents.ChunksMerged;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The chunks of a document's latest parse in reading order, with an administrator's edits applied: the one fold of
 * {@code DocumentChunksParsed} and the chunk edit events that the document aggregate, the indexer and the chunk
 * reads share, so they cannot disagree. Also finds where an edit made on an older parse belongs in a new one, by the
 * text it was made on. Not thread-safe; a value to fold and read.
 */
public final class ChunkLayout {
    /** Text similarity (shared character pairs) from which a chunk of a new parse is the one an edit was made on. */
    static final double SAME_PASSAGE = 0.8;

    /** A chunk as it stands, whether hidden, and whether an administrator changed it. */
    public record Entry(DocumentChunk chunk, boolean hidden, boolean edited) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private int nextOrdinal;

    public static ChunkLayout of(List<DocumentChunk> chunks) {
        ChunkLayout layout = new ChunkLayout();
        for (DocumentChunk chunk : chunks) {
            layout.entries.add(new Entry(chunk, false, false));
            layout.nextOrdinal = Math.max(layout.nextOrdinal, chunk.ordinal() + 1);
        }
        return layout;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<DocumentChunk> visible() {
        return entries.stream().filter(e -> !e.hidden()).map(Entry::chunk).toList();
    }

    public int size() {
        return entries.size();
    }

    /** The ordinal a new chunk (the second part of a split) takes: after every ordinal this parse has used. */
    public int nextOrdinal() {
        return nextOrdinal;
    }

    public int indexOf(String chunkId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).chunk().chunkId().equals(chunkId)) return i;
        }
        return -1;
    }

    public Optional<Entry> find(String chunkId) {
        int i = indexOf(chunkId);
        return i < 0 ? Optional.empty() : Optional.of(entries.get(i));
    }

    /** Applies a chunk edit event; other events are ignored. Events naming unknown chunks change nothing. */
    public void apply(Object event) {
        if (event instanceof ChunkTextEdited e) {
            int i = indexOf(e.chunkId());
            if (i >= 0) entries.set(i, new Entry(entries.get(i).chunk().withText(e.text()), entries.get(i).hidden(), true));
        } else if (event instanceof ChunkHidden e) {
            int i = indexOf(e.chunkId());
            if (i >= 0) entries.set(i, new Entry(entries.get(i).chunk(), e.hidden(), true));
        } else if (event instanceof ChunkSplit e) {
            int i = indexOf(e.chunkId());
            if (i < 0) return;
            Entry entry = entries.get(i);
            DocumentChunk c = entry.chunk();
            int at = Math.max(1, Math.min(c.text().length() - 1, e.at()));
            int middle = c.start() < 0 ? -1 : Math.min(c.end(), c.start() + at);
            DocumentChunk first = new DocumentChunk(c.chunkId(), c.ordinal(), c.text().substring(0, at).strip(),
                    c.headingPath(), c.page(), c.language(), c.start(), middle);
            DocumentChunk second = new DocumentChunk(e.newChunkId(), e.newOrdinal(), c.text().substring(at).strip(),
                    c.headingPath(), c.page(), c.language(), middle, c.end());
            entries.set(i, new Entry(first, entry.hidden(), true));
            entries.add(i + 1, new Entry(second, entry.hidden(), true));
            nextOrdinal = Math.max(nextOrdinal, e.newOrdinal() + 1);
        } else if (event instanceof ChunksMerged e) {
            int i = indexOf(e.chunkId());
            if (i < 0 || i + 1 >= entries.size() || !entries.get(i + 1).chunk().chunkId().equals(e.nextChunkId())) return;
            DocumentChunk a = entries.get(i).chunk();
            DocumentChunk b = entries.get(i + 1).chunk();
            int start = a.start() >= 0 ? a.start() : b.start();
            int end = Math.max(a.end(), b.end());
            DocumentChunk merged = new DocumentChunk(a.chunkId(), a.ordinal(), a.text() + "\n" + b.text(), a.headingPath(),
                    a.page(), a.language(), start < 0 || end < 0 ? -1 : start, start < 0 || end < 0 ? -1 : end);
            entries.set(i, new Entry(merged, entries.get(i).hidden() && entries.get(i + 1).hidden(), true));
            entries.remove(i + 1);
        }
    }

    /**
     * The chunk an edit made on {@code anchor} belongs to now: the chunk with that very text, else the most similar
     * one if it shares at least {@value #SAME_PASSAGE} of its character pairs; empty when no chunk is that passage.
     */
    public Optional<String> locate(String anchor) {
        String wanted = normalise(anchor);
        for (Entry entry : entries) {
            if (normalise(entry.chunk().text()).equals(wanted)) return Optional.of(entry.chunk().chunkId());
        }
        Set<String> pairs = pairs(wanted);
        String best = null;
        double bestScore = SAME_PASSAGE;
        for (Entry entry : entries) {
            double score = similarity(pairs, pairs(normalise(entry.chunk().text())));
            if (score >= bestScore) {
                if (best == null || score > bestScore) best = entry.chunk().chunkId();
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Where a split made at {@code at} of {@code anchor} falls in the text the chunk has now; -1 when it cannot be found. */
    public static int relocateSplit(String anchor, int at, String text) {
        if (normalise(anchor).equals(normalise(text)) && anchor.equals(text)) return at;
        String tail = anchor.substring(Math.max(0, Math.min(at, anchor.length())));
        String probe = tail.strip();
        probe = probe.substring(0, Math.min(20, probe.length()));
        if (probe.isEmpty()) return -1;
        int found = text.indexOf(probe);
        return found > 0 ? found : -1;
    }

    public static double similarity(String a, String b) {
        return similarity(pairs(normalise(a)), pairs(normalise(b)));
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 1;
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return 2.0 * shared.size() / (a.size() + b.size());
    }

    private static Set<String> pairs(String text) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < text.length(); i++) pairs.add(text.substring(i, i + 2));
        return pairs;
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
