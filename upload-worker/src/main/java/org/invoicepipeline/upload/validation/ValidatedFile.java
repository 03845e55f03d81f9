package org.invoicepipeline.upload.validation;

import java.nio.file.Path;

import org.invoicepipeline.events.FileRegistered;

/**
 * A FileRegistered that passed validation.
 *
 * @param event     the event as registered
 * @param path      the source's real path, inside an allowed root
 * @param sizeBytes the size measured on disk (what the API is told)
 */
public record ValidatedFile(FileRegistered event, Path path, long sizeBytes) {
}
