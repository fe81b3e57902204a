package com.ipexpert.command.knowledge;

import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.api.knowledge.DocumentId;

/** Why a knowledge document refuses a command, in words an administrator can act on. */
final class DocumentRefusals {
    private DocumentRefusals() {
    }

    static DomainException onlyAdmins() {
        return DomainException.forbidden("Only administrators manage knowledge documents");
    }

    static DomainException notFound(DocumentId id) {
        return DomainException.notFound("Document " + id + " was not found");
    }

    static DomainException emptyFile() {
        return DomainException.invalid("The file is empty");
    }

    static DomainException noChecksum() {
        return DomainException.invalid("The upload has no checksum");
    }

    static DomainException stillIngesting(DocumentId id) {
        return DomainException.conflict("Document " + id + " is still being ingested; wait until it is INDEXED or FAILED");
    }

    static DomainException notIngesting(DocumentId id) {
        return DomainException.conflict("Document " + id + " is not being ingested");
    }

    static DomainException beingParsed(DocumentId id) {
        return DomainException.conflict("Document " + id + " is being parsed; its chunks can be edited once it is INDEXED");
    }

    static DomainException chunkNotFound(DocumentId id, String chunkId) {
        return DomainException.notFound("Document " + id + " has no chunk " + chunkId);
    }

    static DomainException invalidEdit(String what) {
        return DomainException.invalid(what);
    }

    static DomainException batchTooLarge(DocumentId id, long chars) {
        return DomainException.invalid("Document " + id + ": a batch of chunks carries " + chars + " characters, more than "
                + com.ipexpert.api.knowledge.DocumentEvents.MAX_BATCH_CHARS);
    }

    static DomainException staleAttempt(DocumentId id, int given, int current) {
        return DomainException.conflict("Attempt " + given + " of document " + id
                + " is not the running one (the current attempt is " + current + ")");
    }

    static DomainException wrongStep(DocumentId id, String what) {
        return DomainException.conflict("Document " + id + ": " + what);
    }

    /** The same content is already in the knowledge base; the message names the document that has it. */
    static final class DuplicateContent extends DomainException {
        DuplicateContent(String existingDocId) {
            super(ErrorKind.CONFLICT, "The same file was already uploaded as document " + existingDocId);
        }
    }
}
