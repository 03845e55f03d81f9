package org.invoicepipeline.client.model;

import java.util.List;

/** Body of {@code createUploadSession}. */
public record CreateUploadSessionRequest(String uploadSessionId, List<UploadFileSpec> files) {
    public CreateUploadSessionRequest {
        files = List.copyOf(files);
    }
}
