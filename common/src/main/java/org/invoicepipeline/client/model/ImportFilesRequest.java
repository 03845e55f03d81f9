package org.invoicepipeline.client.model;

import java.util.List;

/** Body of {@code importAttachedFiles}: 1 to 100 files. */
public record ImportFilesRequest(String uploadSessionId, List<ImportFile> files) {
    public ImportFilesRequest {
        files = List.copyOf(files);
    }
}
