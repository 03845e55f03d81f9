package org.invoicepipeline.client.model;

import java.util.Objects;

/** One file to register in an upload session: its id, its name (with a .pdf/.jpg/.jpeg/.png extension) and exact size. */
public record UploadFileSpec(String fileId, String fileName, long fileSizeBytes) {
    public UploadFileSpec {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(fileName, "fileName");
        if (fileSizeBytes < 1) {
            throw new IllegalArgumentException("fileSizeBytes must be at least 1, was " + fileSizeBytes);
        }
    }
}
