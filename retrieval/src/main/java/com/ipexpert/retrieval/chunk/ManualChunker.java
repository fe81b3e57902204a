package com.ipexpert.retrieval.chunk;

import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Language;
import com.ipexpert.retrieval.Progress;
import com.ipexpert.retrieval.parse.BlockKind;
import com.ipexpert.retrieval.parse.ParsedDocument;
import com.ipexpert.retrieval.parse.TextBlock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The chunk stage, cutting a manual the way it is written: a chunk never crosses a section heading and
 * carries the heading path above it, command blocks and tables stay whole, running text is cut at sentence
 * ends (Chinese and English), and a chunk repeats the last sentences of the one before it. Stateless and
 * thread-safe.
 */
public final class ManualChunker {

    private final KnowledgeSettings settings;

    public ManualChunker(KnowledgeSettings settings) {
        this.settings = settings;
    }

    public List<ChunkDraft> chunk(ParsedDocument document, Progress progress) {
        Run run = new Run();
        List<TextBlock> blocks = document.blocks();
        int blockStart = 0; // offset of the block in ParsedDocument.text(), where blocks are joined by a blank line
        for (int i = 0; i < blocks.size(); i++) {
            TextBlock block = blocks.get(i);
            if (block.kind() == BlockKind.HEADING) {
                run.flush(false);
                run.enterHeading(block.text(), block.level());
            } else {
                for (Unit unit : unitsOf(block, blockStart)) run.add(unit);
            }
            blockStart += block.text().length() + 2;
            if (i % 200 == 0) progress.update(i, blocks.size());
        }
        run.flush(false);
        progress.update(blocks.size(), blocks.size());
        return run.chunks;
    }

    private List<Unit> unitsOf(TextBlock block, int blockStart) {
        Placer placer = new Placer(block.text(), blockStart);
        if (block.kind() == BlockKind.PARAGRAPH) {
            List<Unit> units = new ArrayList<>();
            List<String> sentences = Sentences.of(block.text(), settings.targetChunkChars());
            for (int i = 0; i < sentences.size(); i++) {
                units.add(placer.unit(sentences.get(i), block.page(), false, i == 0));
            }
            return units;
        }
        return atomicPieces(block, placer);
    }

    /** A command block or table as one unit, or cut at line ends when it is longer than any chunk may be. */
    private List<Unit> atomicPieces(TextBlock block, Placer placer) {
        String text = block.text().strip();
        if (text.length() <= settings.maxChunkChars()) return List.of(placer.unit(text, block.page(), true, true));
        List<Unit> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!piece.isEmpty() && piece.length() + 1 + line.length() > settings.maxChunkChars()) {
                pieces.add(placer.unit(piece.toString(), block.page(), true, true));
                piece.setLength(0);
            }
            if (!piece.isEmpty()) piece.append('\n');
            piece.append(line.length() > settings.maxChunkChars() ? line.substring(0, settings.maxChunkChars()) : line);
        }
        if (!piece.isEmpty()) pieces.add(placer.unit(piece.toString(), block.page(), true, true));
        return pieces;
    }

    /** Finds each unit's characters in its block, in order, to give it its range in the parsed text. */
    private static final class Placer {
        private final String block;
        private final int blockStart;
        private int cursor;

        Placer(String block, int blockStart) {
            this.block = block;
            this.blockStart = blockStart;
        }

        Unit unit(String text, int page, boolean atomic, boolean opensBlock) {
            int at = block.indexOf(text, cursor);
            if (at < 0) {
                // a unit cut at a length limit no longer matches whole; it still starts where the last one ended
                at = Math.min(cursor, block.length());
                while (at < block.length() && Character.isWhitespace(block.charAt(at))) at++;
            }
            int end = Math.min(block.length(), at + text.length());
            cursor = end;
            return new Unit(text, page, atomic, opensBlock, blockStart + at, blockStart + end);
        }
    }

    /** A sentence, or a whole command block or table; {@code opensBlock} starts a new line in the chunk. */
    private record Unit(String text, int page, boolean atomic, boolean opensBlock, int start, int end) {
        int size() {
            return text.length();
        }
    }

    private record Heading(String text, int level) {}

    /** Packs the units of one document into chunks. */
    private final class Run {
        final List<ChunkDraft> chunks = new ArrayList<>();
        final Deque<Heading> headings = new ArrayDeque<>();
        final List<Unit> units = new ArrayList<>();
        int overlapUnits;
        int length;

        void enterHeading(String text, int level) {
            while (!headings.isEmpty() && headings.peekLast().level() >= level) headings.removeLast();
            headings.addLast(new Heading(text, level));
        }

        void add(Unit unit) {
            int target = settings.targetChunkChars();
            if (units.size() > overlapUnits && length + 1 + unit.size() > target) {
                boolean introducesBlock = unit.atomic() && length < target / 3
                        && length + 1 + unit.size() <= settings.maxChunkChars();
                if (!introducesBlock) flush(true);
            }
            if (!units.isEmpty()) length += 1;
            units.add(unit);
            length += unit.size();
        }

        void flush(boolean carryOverlap) {
            if (units.size() > overlapUnits) {
                Unit first = units.get(overlapUnits);
                String text = join(units);
                List<String> path = headings.stream().map(Heading::text).toList();
                Language language = Language.of(String.join(" ", path) + " " + text, settings.chineseShare());
                int start = units.get(0).start();
                int end = units.get(units.size() - 1).end();
                chunks.add(new ChunkDraft(chunks.size(), text, path, first.page(), language, start, end));
            }
            List<Unit> carried = carryOverlap ? overlapFrom(units) : List.of();
            units.clear();
            units.addAll(carried);
            overlapUnits = carried.size();
            length = carried.stream().mapToInt(u -> u.size() + 1).sum();
        }

        /** The trailing sentences that fit in the overlap; never a command block or table. */
        private List<Unit> overlapFrom(List<Unit> flushed) {
            List<Unit> carried = new ArrayList<>();
            int size = 0;
            for (int i = flushed.size() - 1; i >= 0; i--) {
                Unit unit = flushed.get(i);
                if (unit.atomic() || size + unit.size() > settings.overlapChars()) break;
                carried.add(0, new Unit(unit.text(), unit.page(), false, true, unit.start(), unit.end()));
                size += unit.size();
            }
            return carried;
        }

        private String join(List<Unit> parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                Unit unit = parts.get(i);
                if (i > 0) {
                    Unit previous = parts.get(i - 1);
                    if (unit.opensBlock() || unit.atomic() || previous.atomic()) {
                        text.append('\n');
                    } else if (!endsCjk(previous.text()) || !startsCjk(unit.text())) {
                        text.append(' ');
                    }
                }
                text.append(unit.text());
            }
            return text.toString();
        }
    }

    private static boolean endsCjk(String s) {
        return !s.isEmpty() && Language.isCjk(s.codePointBefore(s.length())) || s.endsWith("。") || s.endsWith("；")
                || s.endsWith("！") || s.endsWith("？");
    }

    private static boolean startsCjk(String s) {
        return !s.isEmpty() && Language.isCjk(s.codePointAt(0));
    }
}
