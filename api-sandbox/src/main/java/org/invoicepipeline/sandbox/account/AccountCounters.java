package org.invoicepipeline.sandbox.account;

import java.util.Map;

/**
 * An immutable snapshot of one account's counters: what tests need to prove "no duplicate
 * extraction, no double charge, no limit exceeded".
 *
 * @param callsByOperationAndStatus operationId -> HTTP status -> calls answered with it
 * @param rateLimitedResponses      429 responses served (real limits and forced bursts)
 * @param sessionsCreated           upload sessions created (idempotent repeats not counted)
 * @param partsUploaded             part PUTs accepted on signed URLs
 * @param filesCompleted            files completed (idempotent repeats not counted)
 * @param extractionsBySubmissionId extractions created per submission_id (idempotent repeats not counted)
 * @param pagesCharged              credits deducted for processed pages
 * @param credits                   balance and reservation
 * @param maxConcurrentExtractions  highest number of extractions running at once
 */
public record AccountCounters(
        Map<String, Map<Integer, Long>> callsByOperationAndStatus,
        long rateLimitedResponses,
        long sessionsCreated,
        long partsUploaded,
        long filesCompleted,
        Map<String, Long> extractionsBySubmissionId,
        long pagesCharged,
        CreditsSnapshot credits,
        long maxConcurrentExtractions) {

    /** Calls of one operation, whatever their status. */
    public long calls(String operationId) {
        return callsByOperationAndStatus.getOrDefault(operationId, Map.of()).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    /** Calls of one operation answered with one HTTP status. */
    public long calls(String operationId, int httpStatus) {
        return callsByOperationAndStatus.getOrDefault(operationId, Map.of()).getOrDefault(httpStatus, 0L);
    }

    /** Extractions ever created in this account. */
    public long extractionsCreated() {
        return extractionsBySubmissionId.values().stream().mapToLong(Long::longValue).sum();
    }
}
