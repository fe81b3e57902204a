package com.ipexpert.query.knowledge;

import com.ipexpert.api.knowledge.DocumentQueries.FindDocument;
import com.ipexpert.api.knowledge.DocumentQueries.ListDocuments;
import com.ipexpert.api.knowledge.DocumentViews.DocumentDetail;
import com.ipexpert.api.knowledge.DocumentViews.DocumentPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers catalogue queries. Knowledge is shared: every logged-in user sees every document. */
@Component
class DocumentQueryHandlers {
    private final DocumentCatalogue catalogue;

    DocumentQueryHandlers(DocumentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @QueryHandler
    DocumentPage handle(ListDocuments query) {
        String vendor = query.vendor() == null || query.vendor().isBlank() ? null : query.vendor().trim();
        return catalogue.page(query.status(), vendor, query.page(), query.pageSize());
    }

    @QueryHandler
    Optional<DocumentDetail> handle(FindDocument query) {
        return catalogue.detail(query.docId().value());
    }
}
