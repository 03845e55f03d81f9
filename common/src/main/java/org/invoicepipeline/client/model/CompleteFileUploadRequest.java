package org.invoicepipeline.client.model;

import java.util.List;

/** Body of {@code completeFileUpload}. */
public record CompleteFileUploadRequest(String fileId, List<UploadedPart> parts) {
    public CompleteFileUploadRequest {
        parts = List.copyOf(parts);
    }
}
