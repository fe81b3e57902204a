package com.ipexpert.command.knowledge;

import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.api.knowledge.DocumentCommands.DeleteDocument;
import com.ipexpert.api.knowledge.DocumentCommands.FailIngestion;
import com.ipexpert.api.knowledge.DocumentCommands.RecordIndexed;
import com.ipexpert.api.knowledge.DocumentCommands.RecordIngestionProgress;
import com.ipexpert.api.knowledge.DocumentCommands.RecordParsed;
import com.ipexpert.api.knowledge.DocumentCommands.RecordStepFailure;
import com.ipexpert.api.knowledge.DocumentCommands.RequestReparse;
import com.ipexpert.api.knowledge.DocumentCommands.StartIngestionStep;
import com.ipexpert.api.knowledge.DocumentCommands.UploadDocument;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentDeleted;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentFailed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentIndexed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentParsed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentProgressed;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentReparseRequested;
import com.ipexpert.api.knowledge.DocumentEvents.DocumentUploaded;
import com.ipexpert.api.knowledge.DocumentEvents.IngestionStepFailed;
import com.ipexpert.api.knowledge.DocumentEvents.IngestionStepStarted;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.api.knowledge.IngestionStage;
import com.ipexpert.api.knowledge.IngestionStep;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.ipexpert.command.knowledge.DocumentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentTest {
    private AggregateTestFixture<Document> fixture;
    private final Map<String, String> checksums = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Document.class);
        DocumentChecksums register = new DocumentChecksums() {
            @Override
            public Optional<String> claim(String sha256, String docId) {
                String existing = checksums.putIfAbsent(sha256, docId);
                return Optional.ofNullable(existing).filter(e -> !e.equals(docId));
            }

            @Override
            public void release(String sha256, String docId) {
                checksums.remove(sha256, docId);
            }
        };
        fixture.registerAnnotatedCommandHandler(new DocumentUploads(register, () -> fixture.getRepository()));
        fixture.registerAnnotatedCommandHandler(new DocumentRemovals(register, () -> fixture.getRepository(), noFiles(),
                docId -> { }));
    }

    private static DocumentFiles noFiles() {
        return new DocumentFiles() {
            @Override
            public void store(DocumentId docId, byte[] content) {
            }

            @Override
            public byte[] read(DocumentId docId) {
                return new byte[0];
            }

            @Override
            public boolean exists(DocumentId docId) {
                return false;
            }

            @Override
            public void delete(DocumentId docId) {
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

    @Test
    void an_upload_cleans_the_name_normalises_the_vendor_and_drops_blank_and_duplicate_tags() {
        fixture.givenNoPriorActivity()
                .when(new UploadDocument(DOC, ADMIN, "C:\\manuals\\..\\ospf\u0007 guide.pdf ", "  huawei ",
                        List.of(" ospf ", "", "ospf", "  ", "bgp"), SHA, 1234, "PDF", T0))
                .expectEvents(new DocumentUploaded(DOC, "ospf guide.pdf", "Huawei", List.of("ospf", "bgp"), SHA, 1234,
                        "PDF", "u-admin", T0));
    }

    @Test
    void an_unknown_vendor_is_kept_trimmed_and_a_blank_one_is_none() {
        assertThat(Document.normaliseVendor("  Arista ")).isEqualTo("Arista");
        assertThat(Document.normaliseVendor("H3C")).isEqualTo("H3C");
        assertThat(Document.normaliseVendor("zte")).isEqualTo("ZTE");
        assertThat(Document.normaliseVendor(" 华为 ")).isEqualTo("Huawei");
        assertThat(Document.normaliseVendor("新华三")).isEqualTo("H3C");
        assertThat(Document.normaliseVendor("   ")).isNull();
    }

    @Test
    void a_name_that_is_only_path_or_control_characters_becomes_document() {
        assertThat(Document.cleanFileName("../../")).isEqualTo("document");
        assertThat(Document.cleanFileName("/etc/passwd")).isEqualTo("passwd");
        assertThat(Document.cleanFileName("..\\..\\.hidden.txt")).isEqualTo("hidden.txt");
    }

    @Test
    void only_an_administrator_uploads() {
        fixture.givenNoPriorActivity()
                .when(upload(ENGINEER))
                .expectException(refusal(ErrorKind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void an_empty_file_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new UploadDocument(DOC, ADMIN, FILE, null, List.of(), SHA, 0, "PDF", T0))
                .expectException(refusal(ErrorKind.INVALID_REQUEST))
                .expectNoEvents();
    }

    @Test
    void the_same_content_uploaded_again_is_refused_naming_the_document_that_has_it() {
        checksums.put(SHA, "doc-earlier");
        fixture.givenNoPriorActivity()
                .when(upload(ADMIN))
                .expectException(DocumentRefusals.DuplicateContent.class)
                .expectExceptionMessage("The same file was already uploaded as document doc-earlier")
                .expectNoEvents();
    }

    @Test
    void the_first_step_parses() {
        fixture.given(uploaded())
                .when(new StartIngestionStep(DOC, IngestionStep.PARSE, 1, T0))
                .expectEvents(new IngestionStepStarted(DOC, IngestionStep.PARSE, 1, T0));
    }

    @Test
    void a_document_is_not_indexed_before_it_is_parsed() {
        fixture.given(uploaded())
                .when(new StartIngestionStep(DOC, IngestionStep.INDEX, 1, T0))
                .expectException(refusal(ErrorKind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void a_step_cannot_start_while_another_attempt_runs() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1))
                .when(new StartIngestionStep(DOC, IngestionStep.PARSE, 2, T0))
                .expectException(refusal(ErrorKind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void the_running_attempt_reports_progress_clamped_to_0_to_100() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1))
                .when(new RecordIngestionProgress(DOC, 1, IngestionStage.PARSE, 140, T0))
                .expectEvents(new DocumentProgressed(DOC, 1, IngestionStage.PARSE, 100, T0));
    }

    @Test
    void the_running_parse_records_its_chunks() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), chunksParsed(1, CHUNKS))
                .when(new RecordParsed(DOC, 1, 2, CHUNKS.size(), 1, T0))
                .expectEvents(new DocumentParsed(DOC, 1, 2, List.of(), T0, CHUNKS.size()));
    }

    @Test
    void the_running_index_step_indexes_the_document() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), parsed(1), started(IngestionStep.INDEX, 2))
                .when(new RecordIndexed(DOC, 2, 2, T0))
                .expectEvents(new DocumentIndexed(DOC, 2, 2, T0));
    }

    @Test
    void a_parse_report_is_not_an_index_report() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1))
                .when(new RecordIndexed(DOC, 1, 2, T0))
                .expectException(refusal(ErrorKind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void a_late_report_of_a_timed_out_attempt_is_refused() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), chunksParsed(1, CHUNKS),
                        new IngestionStepFailed(DOC, IngestionStep.PARSE, 1, "timed out", true, true, T0),
                        started(IngestionStep.PARSE, 2))
                .when(new RecordParsed(DOC, 1, 2, CHUNKS.size(), 1, T0))
                .expectException(refusal(ErrorKind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void a_failed_attempt_is_recorded_with_its_step() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), parsed(1), started(IngestionStep.INDEX, 2))
                .when(new RecordStepFailure(DOC, 2, "out of memory", true, false, T0))
                .expectEvents(new IngestionStepFailed(DOC, IngestionStep.INDEX, 2, "out of memory", true, false, T0));
    }

    @Test
    void giving_up_fails_the_document_at_its_last_step() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), stepFailed(IngestionStep.PARSE, 1, false))
                .when(new FailIngestion(DOC, 1, "no text found in ospf-guide.pdf", T0))
                .expectEvents(new DocumentFailed(DOC, IngestionStep.PARSE, 1, "no text found in ospf-guide.pdf", T0));
    }

    @Test
    void an_indexed_document_cannot_fail() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), parsed(1), started(IngestionStep.INDEX, 2), indexed(2))
                .when(new FailIngestion(DOC, 1, "late", T0))
                .expectException(refusal(ErrorKind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void an_indexed_document_is_parsed_again_on_request() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), parsed(1), started(IngestionStep.INDEX, 2), indexed(2))
                .when(new RequestReparse(DOC, ADMIN, T0))
                .expectEvents(new DocumentReparseRequested(DOC, FILE, 2, "u-admin", T0));
    }

    @Test
    void a_failed_document_is_parsed_again_on_request() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), stepFailed(IngestionStep.PARSE, 1, false),
                        failed(IngestionStep.PARSE, 1))
                .when(new RequestReparse(DOC, ADMIN, T0))
                .expectEvents(new DocumentReparseRequested(DOC, FILE, 1, "u-admin", T0));
    }

    @Test
    void a_document_being_ingested_is_not_reparsed() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1))
                .when(new RequestReparse(DOC, ADMIN, T0))
                .expectException(refusal(ErrorKind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void a_deleted_document_is_not_reparsed() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), parsed(1), started(IngestionStep.INDEX, 2), indexed(2),
                        deleted())
                .when(new RequestReparse(DOC, ADMIN, T0))
                .expectException(refusal(ErrorKind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void only_an_administrator_reparses() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), parsed(1), started(IngestionStep.INDEX, 2), indexed(2))
                .when(new RequestReparse(DOC, ENGINEER, T0))
                .expectException(refusal(ErrorKind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void a_document_is_deleted_with_its_checksum_so_the_file_may_come_back() {
        checksums.put(SHA, DOC.value());
        fixture.given(uploaded())
                .when(new DeleteDocument(DOC, ADMIN, T0))
                .expectEvents(new DocumentDeleted(DOC, SHA, "u-admin", T0));
        assertThat(checksums).isEmpty();
    }

    @Test
    void a_document_may_be_deleted_in_the_middle_of_its_ingestion_and_the_running_step_is_refused_after() {
        fixture.given(uploaded(), started(IngestionStep.PARSE, 1), deleted())
                .when(new RecordParsed(DOC, 1, 2, CHUNKS.size(), 1, T0))
                .expectException(refusal(ErrorKind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void a_deleted_document_is_not_deleted_twice() {
        fixture.given(uploaded(), deleted())
                .when(new DeleteDocument(DOC, ADMIN, T0))
                .expectException(refusal(ErrorKind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void only_an_administrator_deletes() {
        fixture.given(uploaded())
                .when(new DeleteDocument(DOC, ENGINEER, T0))
                .expectException(refusal(ErrorKind.FORBIDDEN))
                .expectNoEvents();
    }
}
