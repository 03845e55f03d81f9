package org.invoicepipeline.client.model;

import java.time.Instant;
import java.util.List;

/** A slim list item; status-dependent fields are {@code null} when absent. {@code error} carries code and retryable only. */
public record ExtractionSummary(String extractionId, String submissionId, String taskName, ExtractionState status,
                                Instant createdAt, String submissionMethod, int fileCount,
                                List<String> fileNamesPreview, boolean fileNamesTruncated,
                                OutputStructure outputStructure, Integer creditsDeducted,
                                List<OutputFormat> availableOutputs, Instant outputExpiresAt, Integer progress,
                                Instant answerBy, CancellationReason cancellationReason, ApiError error,
                                SubmittedBy submittedBy) {
}
