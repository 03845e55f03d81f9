package org.invoicepipeline.upload.validation;

import java.nio.file.Path;

import org.invoicepipeline.events.FileRegistered;

/**
 * A FileRegistered that passed validation.
 *
 * @param event     the event as registered
 * @param path      the source's real path, inside an allowed root
 * @param sizeBytes the size measured on disk (what the API is told)
 * @param sha256    hex SHA-256 of the bytes validated (the uploader checks it sends these bytes), or null
 */
public record ValidatedFile(FileRegistered event, Path path, long sizeBytes, String sha256) {

    /** A validated file without a digest. */
    public ValidatedFile(FileRegistered event, Path path, long sizeBytes) {
        this(event, path, sizeBytes, null);
    }
}
