package org.invoicepipeline.client.model;

import java.time.Instant;

/**
 * The answer to {@code cancelExtraction}: either the request was recorded while the extraction is still
 * stopping ({@code cancellationRequested}, {@code status} is processing), or the extraction's status as
 * {@code getExtraction} returns it once cancelled.
 */
public record CancellationResult(String extractionId, boolean cancellationRequested, Instant cancelRequestedAt,
                                 ExtractionStatus status) {
}
