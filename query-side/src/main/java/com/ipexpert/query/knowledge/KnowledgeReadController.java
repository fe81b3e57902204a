package com.ipexpert.query.knowledge;

import com.ipexpert.edge.messaging.ReadsFrom;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.api.knowledge.DocumentQueries.FindDocument;
import com.ipexpert.api.knowledge.DocumentQueries.FindDocumentChunk;
import com.ipexpert.api.knowledge.DocumentQueries.ListDocumentChunks;
import com.ipexpert.api.knowledge.DocumentQueries.ListUnplacedEdits;
import com.ipexpert.api.knowledge.DocumentViews.ChunkInContext;
import com.ipexpert.api.knowledge.DocumentViews.ChunkPage;
import com.ipexpert.api.knowledge.DocumentViews.UnplacedEdit;
import com.ipexpert.api.knowledge.DocumentViews.UnplacedEdits;
import com.ipexpert.api.knowledge.DocumentQueries.ListDocuments;
import com.ipexpert.api.knowledge.DocumentQueries.SearchKnowledge;
import com.ipexpert.api.knowledge.DocumentStatus;
import com.ipexpert.api.knowledge.DocumentViews.DocumentDetail;
import com.ipexpert.api.knowledge.DocumentViews.DocumentPage;
import com.ipexpert.api.knowledge.DocumentViews.KnowledgeHits;
import com.ipexpert.edge.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import com.ipexpert.query.streaming.LiveStreams;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The read side of the knowledge base: the catalogue, one document, its live status, and search. Any logged-in user. */
@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge")
class KnowledgeReadController {
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_K = 50;
    private final QueryGateway queries;

    KnowledgeReadController(QueryGateway queries) {
        this.queries = queries;
    }

    @ReadsFrom(DocumentCatalogueProjection.PROCESSING_GROUP)
    @GetMapping("/documents")
    @Operation(summary = "The document catalogue", description = "Newest first; filters status (QUEUED|PARSING|INDEXED|FAILED) "
            + "and vendor; page from 1, pageSize 1..100 (default 10). {items, total, page, pageSize}")
    DocumentPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String vendor,
                      @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "10") int pageSize) {
        DocumentStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = DocumentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status must be QUEUED, PARSING, INDEXED or FAILED");
            }
        }
        if (page < 1) throw ApiException.badRequest("page starts at 1");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw ApiException.badRequest("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        return queries.query(new ListDocuments(wanted, vendor, page, pageSize), DocumentPage.class).join();
    }

    @ReadsFrom(DocumentCatalogueProjection.PROCESSING_GROUP)
    @GetMapping("/documents/{docId}")
    @Operation(summary = "One document", description = "{docId, fileName, vendor, tags, status, progress, message, createdAt, updatedAt,"
            + " unplacedEdits}; unplacedEdits (extension) lists the chunk edits its latest parse could not place.")
    DocumentDetail document(@PathVariable String docId) {
        DocumentDetail detail = find(docId).orElseThrow(() -> notFound(docId));
        // answered where the document's events are folded; a read side without it shows none rather than failing
        List<UnplacedEdit> unplaced = queries.query(new ListUnplacedEdits(DocumentId.of(docId)), UnplacedEdits.class)
                .exceptionally(e -> new UnplacedEdits(List.of())).join().items();
        return new DocumentDetail(detail.docId(), detail.fileName(), detail.vendor(), detail.tags(), detail.status(),
                detail.progress(), detail.message(), detail.createdAt(), detail.updatedAt(), detail.deleted(), unplaced);
    }

    @GetMapping("/documents/{docId}/chunks")
    @Operation(summary = "A document's chunks (extension)", description = "In reading order, hidden ones included; page from 1, "
            + "pageSize 1..100 (default 20). {items: [{chunkId, text, location: {page, section, start, end}, hidden, edited}], total, page, pageSize}")
    ChunkPage chunks(@PathVariable String docId, @RequestParam(defaultValue = "1") int page,
                     @RequestParam(defaultValue = "20") int pageSize) {
        if (page < 1) throw ApiException.badRequest("page starts at 1");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw ApiException.badRequest("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        find(docId).orElseThrow(() -> notFound(docId));
        return queries.query(new ListDocumentChunks(DocumentId.of(docId), page, pageSize),
                        ResponseTypes.optionalInstanceOf(ChunkPage.class)).join()
                .orElseGet(() -> new ChunkPage(List.of(), 0, page, pageSize));
    }

    @GetMapping("/documents/{docId}/chunks/{chunkId}")
    @Operation(summary = "One chunk with its neighbours (extension)", description = "{chunkId, docId, fileName, text, location: "
            + "{page, section, start, end}, hidden, edited, previous, next}; previous and next are null at the ends.")
    ChunkInContext chunk(@PathVariable String docId, @PathVariable String chunkId) {
        return queries.query(new FindDocumentChunk(DocumentId.of(docId), chunkId), ResponseTypes.optionalInstanceOf(ChunkInContext.class))
                .join().orElseThrow(() -> ApiException.notFound("Document " + docId + " has no chunk " + chunkId));
    }

    @ReadsFrom(DocumentCatalogueProjection.PROCESSING_GROUP)
    @GetMapping(value = "/documents/{docId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live status of a document (Server-Sent Events, extension)",
            description = "Events named 'document', each the whole detail: first the current one, then each change of status, "
                    + "progress or message; the stream ends after the document is deleted (last event has deleted: true).")
    SseEmitter stream(@PathVariable String docId) {
        Supplier<SubscriptionQueryResult<DocumentDetail, DocumentDetail>> subscribe = () -> queries.subscriptionQuery(
                new FindDocument(DocumentId.of(docId)), ResponseTypes.instanceOf(DocumentDetail.class),
                ResponseTypes.instanceOf(DocumentDetail.class));
        return LiveStreams.open(subscribe, "document", detail -> "document", () -> notFound(docId));
    }

    @GetMapping("/search")
    @Operation(summary = "Search the knowledge base (extension)", description = "q the question; weight 0..1 (default 0.7) "
            + "the share of semantic against keyword ranking; tags (repeatable) any of; vendor; k 1..50 (default 10). "
            + "{items: [{chunkId, docId, fileName, vendor, tags, text, score, location}]}")
    KnowledgeHits search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0.7") double weight,
                         @RequestParam(required = false) List<String> tags, @RequestParam(required = false) String vendor,
                         @RequestParam(defaultValue = "10") int k) {
        if (q == null || q.isBlank()) throw ApiException.badRequest("Parameter 'q' is required");
        if (q.length() > 2_000) throw ApiException.badRequest("q is too long (2000 characters at most)");
        if (Double.isNaN(weight) || weight < 0 || weight > 1) throw ApiException.badRequest("weight must be between 0 and 1");
        if (k < 1 || k > MAX_K) throw ApiException.badRequest("k must be between 1 and " + MAX_K);
        return queries.query(new SearchKnowledge(q.strip(), weight, tags, vendor, k), KnowledgeHits.class).join();
    }

    private Optional<DocumentDetail> find(String docId) {
        return queries.query(new FindDocument(DocumentId.of(docId)), ResponseTypes.optionalInstanceOf(DocumentDetail.class)).join();
    }

    private static ApiException notFound(String docId) {
        return ApiException.notFound("Document " + docId + " was not found");
    }
}
