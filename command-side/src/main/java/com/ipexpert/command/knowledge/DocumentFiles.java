package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentId;

/** Where uploaded files are kept until their document is deleted; the parse worker reads them from here. */
public interface DocumentFiles {

    /** Stores the file whole or not at all. */
    void store(DocumentId docId, byte[] content);

    /** The stored file; fails when there is none. */
    byte[] read(DocumentId docId);

    boolean exists(DocumentId docId);

    /** Removes the file; a missing one is no error. */
    void delete(DocumentId docId);
}
