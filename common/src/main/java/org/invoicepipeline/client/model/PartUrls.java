package org.invoicepipeline.client.model;

import java.util.List;

/** Signed upload URLs, one per requested part number. */
public record PartUrls(String uploadSessionId, String fileId, String fileName, long partSize, List<PartUrl> partUrls) {
    public PartUrls {
        partUrls = partUrls == null ? List.of() : List.copyOf(partUrls);
    }
}
