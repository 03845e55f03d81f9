package org.invoicepipeline.client.model;

/** A fresh signed URL for one output file, valid for {@code expiresInSeconds} (300). */
public record OutputDownloadUrl(String downloadUrl, OutputFormat format, int expiresInSeconds) {
}
