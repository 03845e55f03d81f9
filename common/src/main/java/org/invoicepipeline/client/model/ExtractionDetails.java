package org.invoicepipeline.client.model;

import java.time.Instant;
import java.util.List;

/**
 * The full, stable record of one extraction. Fields beyond the common ones depend on the status (see the
 * API reference) and are {@code null} when absent. Carries no download URLs.
 */
public record ExtractionDetails(String extractionId, String submissionId, String taskName, ExtractionState status,
                                Instant createdAt, String submissionMethod, int fileCount, List<String> fileNames,
                                OutputStructure outputStructure, Prompt prompt, ExtractionOptionsApplied options,
                                Integer creditsDeducted, List<OutputFormat> availableOutputs, Instant outputExpiresAt,
                                Pages pages, List<UncertaintyNote> aiUncertaintyNotes, ReviewNeeded reviewNeeded,
                                Integer progress, Instant answerBy, List<Question> questions,
                                CancellationReason cancellationReason, ApiError error, SubmittedBy submittedBy) {
}
