package com.ipexpert.retrieval.parse;

import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;

/**
 * The file is of an accepted type but no usable text could be taken from it. The {@link Reason} lets the
 * API layer word it for the user; the message already says what to do in English.
 */
public final class UnreadableDocument extends DomainException {

    /** Why the text could not be taken out. */
    public enum Reason {
        ENCRYPTED(ErrorKind.INVALID_REQUEST),
        SCANNED_WITHOUT_OCR(ErrorKind.INVALID_REQUEST),
        IMAGE_WITHOUT_OCR(ErrorKind.INVALID_REQUEST),
        NO_TEXT(ErrorKind.INVALID_REQUEST),
        TOO_MANY_PAGES(ErrorKind.PAYLOAD_TOO_LARGE),
        TOO_MUCH_TEXT(ErrorKind.PAYLOAD_TOO_LARGE),
        CORRUPT(ErrorKind.INVALID_REQUEST);

        private final ErrorKind kind;

        Reason(ErrorKind kind) {
            this.kind = kind;
        }
    }

    private final Reason reason;

    public UnreadableDocument(Reason reason, String message) {
        super(reason.kind, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
