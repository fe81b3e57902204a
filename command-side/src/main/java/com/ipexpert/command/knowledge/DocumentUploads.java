package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentCommands.UploadDocument;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.function.Supplier;

/**
 * Creates documents: claims the upload's checksum in the register, then creates the aggregate, in one unit of
 * work and one transaction. The same content uploaded again is refused with the id of the document that has it.
 */
class DocumentUploads {
    private final DocumentChecksums checksums;
    private final Supplier<Repository<Document>> documents;

    /** The repository is looked up on first use: it is built by Axon's configuration, after the handler beans. */
    DocumentUploads(DocumentChecksums checksums, Supplier<Repository<Document>> documents) {
        this.checksums = checksums;
        this.documents = documents;
    }

    @CommandHandler
    String handle(UploadDocument cmd) throws Exception {
        if (cmd.sha256() != null && !cmd.sha256().isBlank()) {
            checksums.claim(cmd.sha256(), cmd.docId().value()).ifPresent(existing -> {
                throw new DocumentRefusals.DuplicateContent(existing);
            });
        }
        documents.get().newInstance(() -> new Document(cmd));
        return cmd.docId().value();
    }
}
