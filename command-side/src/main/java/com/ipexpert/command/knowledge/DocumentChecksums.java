package com.ipexpert.command.knowledge;

import java.util.Optional;

/**
 * The command side's register of file checksums, so the same content is not ingested twice. Written in the
 * transaction that stores the upload's events, so the register and the event store never disagree.
 */
interface DocumentChecksums {

    /** Registers the checksum for the document; answers the document that already has it, if any. */
    Optional<String> claim(String sha256, String docId);

    void release(String sha256, String docId);
}
