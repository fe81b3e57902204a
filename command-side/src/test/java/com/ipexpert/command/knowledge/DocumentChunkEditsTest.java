package com.ipexpert.command.knowledge;

import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.api.knowledge.DocumentChunk;
import com.ipexpert.api.knowledge.DocumentCommands.EditChunkText;
import com.ipexpert.api.knowledge.DocumentCommands.HideChunk;
import com.ipexpert.api.knowledge.DocumentCommands.MergeChunkWithNext;
import com.ipexpert.api.knowledge.DocumentCommands.RecordParsed;
import com.ipexpert.api.knowledge.DocumentCommands.RecordParsedChunks;
import com.ipexpert.api.knowledge.DocumentCommands.SplitChunk;
import com.ipexpert.api.knowledge.DocumentEvents;
import com.ipexpert.api.knowledge.DocumentEvents.ChunkEditUnplaced;
import com.ipexpert.api.knowledge.DocumentEvents.ChunkHidden;
import com.ipexpert.api.knowledge.DocumentEvents.ChunkSplit;
import com.ipexpert.api.knowledge.DocumentEvents.ChunkTextEdited;
import com.ipexpert.api.knowledge.DocumentEvents.ChunksMerged;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentParsed;
import com.ipexpert.api.knowledge.DocumentViews.ChunkChange;
import com.ipexpert.api.knowledge.IngestionStep;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.ipexpert.command.knowledge.DocumentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** An administrator's fixes to a document's chunks: each an event of the document, kept across a re-parse. */
class DocumentChunkEditsTest {
    private static final String C0 = CHUNKS.get(0).text();
    private static final String C1 = CHUNKS.get(1).text();
    private static final String C2 = CHUNKS.get(2).text();
    private AggregateTestFixture<Document> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Document.class);
    }

    private Object[] indexedDocument() {
        return new Object[] {uploaded(), started(IngestionStep.PARSE, 1), chunksParsed(1, CHUNKS), parsedAfterBatches(1, 3),
                started(IngestionStep.INDEX, 2), indexed(2)};
    }

    private Object[] with(Object... more) {
        Object[] base = indexedDocument();
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void an_admin_changes_the_text_of_a_chunk_and_the_event_keeps_the_text_it_had() {
        fixture.given(indexedDocument())
                .when(new EditChunkText(DOC, ADMIN, "e1", "doc-1#1", "  Run display ospf peer brief to see each neighbour's state. ", T0))
                .expectEvents(new ChunkTextEdited(DOC, "e1", "doc-1#1", C1, "Run display ospf peer brief to see each neighbour's state.", "u-admin", T0))
                .expectResultMessagePayloadMatching(change(c -> {
                    assertThat(c.chunks()).singleElement().satisfies(v -> {
                        assertThat(v.chunkId()).isEqualTo("doc-1#1");
                        assertThat(v.edited()).isTrue();
                        assertThat(v.location().section()).isEqualTo("OSPF");
                        assertThat(v.location().start()).isEqualTo(59);
                    });
                    assertThat(c.removed()).isEmpty();
                }));
    }

    @Test
    void an_admin_hides_a_chunk() {
        fixture.given(indexedDocument())
                .when(new HideChunk(DOC, ADMIN, "e1", "doc-1#0", true, T0))
                .expectEvents(new ChunkHidden(DOC, "e1", "doc-1#0", C0, true, "u-admin", T0));
    }

    @Test
    void a_split_makes_a_new_chunk_numbered_after_every_chunk_of_the_parse() {
        fixture.given(indexedDocument())
                .when(new SplitChunk(DOC, ADMIN, "e1", "doc-1#0", 21, T0))
                .expectEvents(new ChunkSplit(DOC, "e1", "doc-1#0", C0, 21, "doc-1#3", 3, "u-admin", T0))
                .expectResultMessagePayloadMatching(change(c -> assertThat(c.chunks()).extracting(v -> v.text())
                        .containsExactly("OSPF neighbours stuck", "in ExStart usually disagree on MTU.")));
    }

    @Test
    void a_split_must_leave_text_on_both_sides() {
        fixture.given(indexedDocument())
                .when(new SplitChunk(DOC, ADMIN, "e1", "doc-1#0", C0.length(), T0))
                .expectException(refusal(ErrorKind.INVALID_REQUEST))
                .expectNoEvents();
    }

    @Test
    void a_chunk_merges_with_the_one_after_it_and_that_one_is_gone() {
        fixture.given(indexedDocument())
                .when(new MergeChunkWithNext(DOC, ADMIN, "e1", "doc-1#0", T0))
                .expectEvents(new ChunksMerged(DOC, "e1", "doc-1#0", C0, "doc-1#1", C1, "u-admin", T0))
                .expectResultMessagePayloadMatching(change(c -> {
                    assertThat(c.chunks()).singleElement().satisfies(v -> {
                        assertThat(v.text()).isEqualTo(C0 + "\n" + C1);
                        assertThat(v.location().start()).isEqualTo(0);
                        assertThat(v.location().end()).isEqualTo(98);
                    });
                    assertThat(c.removed()).containsExactly("doc-1#1");
                }));
    }

    @Test
    void the_last_chunk_has_nothing_to_merge_with() {
        fixture.given(indexedDocument())
                .when(new MergeChunkWithNext(DOC, ADMIN, "e1", "doc-1#2", T0))
                .expectException(refusal(ErrorKind.INVALID_REQUEST))
                .expectNoEvents();
    }

    @Test
    void edits_follow_each_other_a_merged_chunk_is_gone_for_later_edits() {
        fixture.given(with(new ChunksMerged(DOC, "e1", "doc-1#0", C0, "doc-1#1", C1, "u-admin", T0)))
                .when(new HideChunk(DOC, ADMIN, "e2", "doc-1#1", true, T0))
                .expectException(refusal(ErrorKind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void an_edit_while_the_document_is_parsed_again_is_a_conflict() {
        fixture.given(with(reparseRequested(2), started(IngestionStep.PARSE, 3)))
                .when(new EditChunkText(DOC, ADMIN, "e1", "doc-1#1", "new text", T0))
                .expectException(refusal(ErrorKind.CONFLICT))
                .expectNoEvents();
        fixture.given(with(reparseRequested(2)))
                .when(new HideChunk(DOC, ADMIN, "e1", "doc-1#1", true, T0))
                .expectException(refusal(ErrorKind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void only_administrators_edit_chunks_and_only_chunks_that_exist() {
        fixture.given(indexedDocument())
                .when(new HideChunk(DOC, ENGINEER, "e1", "doc-1#1", true, T0))
                .expectException(refusal(ErrorKind.FORBIDDEN))
                .expectNoEvents();
        fixture.given(indexedDocument())
                .when(new HideChunk(DOC, ADMIN, "e1", "doc-1#9", true, T0))
                .expectException(refusal(ErrorKind.NOT_FOUND))
                .expectNoEvents();
        fixture.given(indexedDocument())
                .when(new EditChunkText(DOC, ADMIN, "e1", "doc-1#1", "  ", T0))
                .expectException(refusal(ErrorKind.INVALID_REQUEST))
                .expectNoEvents();
    }

    @Test
    void a_reparse_places_each_edit_on_the_chunk_that_carries_its_text_and_lists_the_ones_it_cannot_place() {
        // the new parse starts with a new passage, keeps C1 as it was, changes C2 by one mark, and has lost C0
        List<DocumentChunk> newParse = List.of(
                new DocumentChunk("doc-1#0", 0, "A new introduction about OSPF areas.", List.of("OSPF"), 1, "ENGLISH", 0, 36),
                new DocumentChunk("doc-1#1", 1, C1, List.of("OSPF"), 2, "ENGLISH", 38, 77),
                new DocumentChunk("doc-1#2", 2, C2.replace(".", "!"), List.of("OSPF", "Timers"), 2, "ENGLISH", 79, 138));
        fixture.given(with(
                        new ChunkTextEdited(DOC, "e1", "doc-1#1", C1, "Run display ospf peer brief.", "u-admin", T0),
                        new ChunkHidden(DOC, "e2", "doc-1#0", C0, true, "u-admin", T0),
                        new ChunkSplit(DOC, "e3", "doc-1#2", C2, 25, "doc-1#3", 3, "u-admin", T0),
                        reparseRequested(2), started(IngestionStep.PARSE, 3), chunksParsed(3, newParse)))
                .when(new RecordParsed(DOC, 3, 2, 3, 1, T0))
                .expectEvents(
                        new DocumentParsed(DOC, 3, 2, List.of(), T0, 3),
                        new ChunkTextEdited(DOC, "e1", "doc-1#1", C1, "Run display ospf peer brief.", "u-admin", T0),
                        new ChunkEditUnplaced(DOC, "e2", "hide", C0, 3, "no chunk of the new parse carries the text this edit was made on"),
                        new ChunkSplit(DOC, "e3", "doc-1#2", C2.replace(".", "!"), 25, "doc-1#3", 3, "u-admin", T0));
    }

    @Test
    void chunk_batches_arrive_in_order_and_the_parse_counts_them() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1))
                .when(new RecordParsedChunks(DOC, 1, 1, CHUNKS))
                .expectException(refusal(ErrorKind.CONFLICT));
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), chunksParsed(1, CHUNKS.subList(0, 1)))
                .when(new RecordParsed(DOC, 1, 2, 3, 1, T0))
                .expectException(refusal(ErrorKind.CONFLICT))
                .expectNoEvents();
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1))
                .when(new RecordParsedChunks(DOC, 1, 0, CHUNKS))
                .expectEvents(new DocumentEvents.DocumentChunksParsed(DOC, 1, 0, CHUNKS));
    }

    @Test
    void a_batch_over_its_bound_is_refused() {
        String big = "x".repeat(DocumentEvents.MAX_BATCH_CHARS / 2 + 1);
        List<DocumentChunk> chunks = List.of(CHUNKS.get(0).withText(big), CHUNKS.get(1).withText(big));
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1))
                .when(new RecordParsedChunks(DOC, 1, 0, chunks))
                .expectException(refusal(ErrorKind.INVALID_REQUEST))
                .expectNoEvents();
    }

    private static TypeSafeMatcher<ChunkChange> change(java.util.function.Consumer<ChunkChange> check) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ChunkChange change) {
                check.accept(change);
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the expected chunk change");
            }
        };
    }

    private static TypeSafeMatcher<Exception> refusal(ErrorKind kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Exception e) {
                return e instanceof DomainException d && d.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " refusal");
            }
        };
    }
}
