package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentCommands.DeleteDocument;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.edge.messaging.AfterCommit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Deletes documents and what they leave behind: the document decides and records the deletion; its checksum
 * leaves the register in the same transaction (so the file may be uploaded again); its file and its chunks are
 * removed right after the commit, before the DELETE request answers, so a search right after never finds it.
 * (The {@code knowledge-index} projection removes the chunks too, in event order, when the index is rebuilt.)
 */
class DocumentRemovals {
    private static final Logger log = LoggerFactory.getLogger(DocumentRemovals.class);
    private final DocumentChecksums checksums;
    private final Supplier<Repository<Document>> documents;
    private final DocumentFiles files;
    private final Consumer<String> unindex;

    DocumentRemovals(DocumentChecksums checksums, Supplier<Repository<Document>> documents, DocumentFiles files,
                     Consumer<String> unindex) {
        this.checksums = checksums;
        this.documents = documents;
        this.files = files;
        this.unindex = unindex;
    }

    @CommandHandler
    void handle(DeleteDocument cmd) {
        String sha256 = documents.get().load(cmd.docId().value()).invoke(document -> document.delete(cmd));
        if (sha256 != null) checksums.release(sha256, cmd.docId().value());
        AfterCommit.run(() -> removeLeftovers(cmd.docId()));
    }

    private void removeLeftovers(DocumentId docId) {
        try {
            unindex.accept(docId.value());
            files.delete(docId);
        } catch (RuntimeException failure) {
            log.warn("Could not remove the file or chunks of deleted document {}", docId, failure);
        }
    }
}
