package org.invoicepipeline.client.model;

import java.util.List;
import java.util.NoSuchElementException;

/** A created upload session: each registered file with the part size to upload it in. */
public record UploadSession(String uploadSessionId, List<UploadSessionFile> files) {
    public UploadSession {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The registered file with this id. */
    public UploadSessionFile file(String fileId) {
        return files.stream()
                .filter(f -> f.fileId().equals(fileId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("file " + fileId + " is not part of session " + uploadSessionId));
    }
}
