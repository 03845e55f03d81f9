package org.invoicepipeline.client.model;

/** A received extraction: wait for it with {@code getExtraction}. */
public record Submission(String extractionId, String submissionState) {
}
