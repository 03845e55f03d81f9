package org.invoicepipeline.client.model;

/** A file registered in an upload session, with the part size (bytes) to split it into. */
public record UploadSessionFile(String fileId, String fileName, long partSize) {
}
