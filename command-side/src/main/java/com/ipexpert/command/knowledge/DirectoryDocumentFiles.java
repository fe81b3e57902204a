package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * {@link DocumentFiles} in a directory ({@code <data-dir>/files}). Files are named by document id, never by the
 * uploaded name, so no name a client sends can reach another path; a write goes to a temporary file first and is
 * moved into place, so a crash leaves no half file.
 */
class DirectoryDocumentFiles implements DocumentFiles {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private final Path directory;

    DirectoryDocumentFiles(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the file store " + directory, e);
        }
    }

    @Override
    public void store(DocumentId docId, byte[] content) {
        Path target = pathOf(docId);
        try {
            Path temporary = Files.createTempFile(directory, ".upload-", ".part");
            try {
                Files.write(temporary, content);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the file of document " + docId, e);
        }
    }

    @Override
    public byte[] read(DocumentId docId) {
        try {
            return Files.readAllBytes(pathOf(docId));
        } catch (IOException e) {
            throw new UncheckedIOException("the file of document " + docId + " cannot be read", e);
        }
    }

    @Override
    public boolean exists(DocumentId docId) {
        return Files.isRegularFile(pathOf(docId));
    }

    @Override
    public void delete(DocumentId docId) {
        try {
            Files.deleteIfExists(pathOf(docId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the file of document " + docId, e);
        }
    }

    private Path pathOf(DocumentId docId) {
        if (!SAFE_ID.matcher(docId.value()).matches()) throw new IllegalArgumentException("not a document id: " + docId);
        return directory.resolve(docId.value());
    }
}
