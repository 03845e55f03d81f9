package org.invoicepipeline.client.model;

/** A part that was PUT, with the ETag header of its response exactly as returned (quotes included). */
public record UploadedPart(int partNumber, String eTag) {
}
