package org.invoicepipeline.client.model;

/** A signed URL to PUT one part's raw bytes to; valid for 15 minutes from issue. */
public record PartUrl(int partNumber, String url) {
}
