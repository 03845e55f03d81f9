package org.invoicepipeline.client.model;

import java.util.List;

/** Body of {@code getUploadPartUrls}: up to 1,000 one-based part numbers of one file. */
public record PartUrlsRequest(String fileId, List<Integer> partNumbers) {
    public PartUrlsRequest {
        partNumbers = List.copyOf(partNumbers);
    }
}
