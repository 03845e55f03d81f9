package org.invoicepipeline.upload.validation;

import java.nio.file.Path;

import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.source.SourceObject;

/**
 * A FileRegistered that passed validation.
 *
 * @param event     the event as registered
 * @param path      a {@code file:} source's real path, inside an allowed root; null for other sources
 * @param sizeBytes the size measured (what the API is told)
 * @param sha256    hex SHA-256 of the bytes validated (the uploader checks it sends these bytes), or null
 * @param source    the source as resolved (URI, location, size, identity); null when built without one (tests)
 */
public record ValidatedFile(FileRegistered event, Path path, long sizeBytes, String sha256, SourceObject source) {

    /** A validated file without a digest. */
    public ValidatedFile(FileRegistered event, Path path, long sizeBytes) {
        this(event, path, sizeBytes, null, null);
    }

    /** A validated local file without a recorded source identity. */
    public ValidatedFile(FileRegistered event, Path path, long sizeBytes, String sha256) {
        this(event, path, sizeBytes, sha256, null);
    }
}
