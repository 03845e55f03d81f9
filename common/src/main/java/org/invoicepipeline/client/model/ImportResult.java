package org.invoicepipeline.client.model;

import java.util.List;

/** The outcome of {@code importAttachedFiles}: completed files can be submitted, failed ones carry their error. */
public record ImportResult(String uploadSessionId, List<ImportedFile> files, List<String> completedFileIds,
                           List<String> failedFileIds) {
    public ImportResult {
        files = files == null ? List.of() : List.copyOf(files);
        completedFileIds = completedFileIds == null ? List.of() : List.copyOf(completedFileIds);
        failedFileIds = failedFileIds == null ? List.of() : List.copyOf(failedFileIds);
    }
}
