package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentCommands.DeleteDocument;
import com.ipexpert.api.knowledge.DocumentCommands.RequestReparse;
import com.ipexpert.api.knowledge.DocumentCommands.UploadDocument;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.api.knowledge.DocumentStatus;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.edge.security.AuthenticatedUser;
import com.ipexpert.retrieval.KnowledgePipeline;
import com.ipexpert.retrieval.parse.DocumentFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write side of the knowledge base: upload, delete, re-parse. An upload is checked by content before anything
 * is kept, stored in the file store, then becomes a document; a refused upload leaves no file and no document.
 */
@RestController
@RequestMapping("/api/v1/knowledge/documents")
@PreAuthorize("hasRole('admin')")
@Tag(name = "Knowledge")
class DocumentCommandController {
    private final CommandGateway commands;
    private final KnowledgePipeline pipeline;
    private final DocumentFiles files;
    private final Clock clock;

    DocumentCommandController(CommandGateway commands, KnowledgePipeline pipeline, DocumentFiles files, Clock clock) {
        this.commands = commands;
        this.pipeline = pipeline;
        this.files = files;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a knowledge document", description = "Multipart: file (pdf, doc, docx, txt, md, html, htm, "
            + "zip of an HTML manual, png, jpg, jpeg; "
            + "at most 16 MB), tags (repeatable), vendor. The type is judged by content: other types or a name that "
            + "does not match the content → 415; empty, an image or scanned PDF without OCR, a page that is mostly script, "
            + "a zip with paths outside it or symbolic links → 400; larger → 413; the same content again → 409 naming the document. "
            + "Answers at once {docId, status: QUEUED, message}; ingestion runs in the background.")
    Map<String, Object> upload(@RequestParam(value = "file", required = false) MultipartFile file,
                               @RequestParam(value = "tags", required = false) List<String> tags,
                               @RequestParam(value = "vendor", required = false) String vendor,
                               @AuthenticationPrincipal AuthenticatedUser user) {
        if (file == null) throw ApiException.badRequest("Multipart part 'file' is required");
        if (file.isEmpty()) throw ApiException.badRequest("The file is empty");
        String fileName = Document.cleanFileName(file.getOriginalFilename());
        byte[] content = bytesOf(file);
        DocumentFormat format = pipeline.detect(fileName, content);
        DocumentId docId = DocumentId.random();
        files.store(docId, content);
        try {
            commands.sendAndWait(new UploadDocument(docId, user.requester(), fileName, vendor, tags, sha256(content),
                    content.length, format.name(), clock.instant()));
        } catch (RuntimeException refused) {
            files.delete(docId);
            throw refused;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("docId", docId.value());
        body.put("status", DocumentStatus.QUEUED);
        body.put("message", "文档已上传，正在排队解析");
        return body;
    }

    @DeleteMapping("/{docId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a knowledge document", description = "204; its file and every indexed chunk are gone before the answer.")
    void delete(@PathVariable String docId, @AuthenticationPrincipal AuthenticatedUser user) {
        send(docId, new DeleteDocument(DocumentId.of(docId), user.requester(), clock.instant()));
    }

    @PutMapping("/{docId}/reparse")
    @Operation(summary = "Parse and index a document again", description = "Answers {docId, status: QUEUED, message}; a document still being ingested → 409.")
    Map<String, Object> reparse(@PathVariable String docId, @AuthenticationPrincipal AuthenticatedUser user) {
        send(docId, new RequestReparse(DocumentId.of(docId), user.requester(), clock.instant()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("docId", docId);
        body.put("status", DocumentStatus.QUEUED);
        body.put("message", "已重新排队解析");
        return body;
    }

    private void send(String docId, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AggregateNotFoundException) throw ApiException.notFound("Document " + docId + " was not found");
            }
            throw e;
        }
    }

    private static byte[] bytesOf(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
