package com.ipexpert.retrieval.parse;

import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;

/**
 * The file is not one of the accepted formats, or its content is not what its name says (a PDF named
 * {@code .docx}). Maps to HTTP 415.
 */
public final class UnsupportedDocumentType extends DomainException {
    private final String fileName;
    private final String detectedMediaType;

    public UnsupportedDocumentType(String fileName, String detectedMediaType, String message) {
        super(ErrorKind.UNSUPPORTED_MEDIA_TYPE, message);
        this.fileName = fileName;
        this.detectedMediaType = detectedMediaType;
    }

    public String fileName() {
        return fileName;
    }

    /** The media type the content was detected as, e.g. {@code application/pdf}. */
    public String detectedMediaType() {
        return detectedMediaType;
    }
}
