package org.invoicepipeline.client.model;

/** One imported file's outcome; {@code error} is present when it could not be uploaded. */
public record ImportedFile(String fileId, String fileName, boolean success, ApiError error) {
}
