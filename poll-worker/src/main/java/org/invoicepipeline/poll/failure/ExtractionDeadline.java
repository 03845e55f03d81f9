package org.invoicepipeline.poll.failure;

import org.invoicepipeline.events.ErrorInfo;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the stage waits for an extraction: one still {@code processing} or {@code input_required}
 * {@code pipeline.poll.max-extraction-age} after its submission is cancelled through the API and its files end
 * FAILED with {@link #CODE}. Nothing waits forever, not even an extraction whose questions nobody answers.
 */
public final class ExtractionDeadline {

    /** Pipeline code of the files of an extraction cancelled because it outlived the deadline. */
    public static final String CODE = "EXTRACTION_DEADLINE_EXCEEDED";

    private final Duration maxAge;

    public ExtractionDeadline(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** {@code pipeline.poll.max-extraction-age}. */
    public Duration maxAge() {
        return maxAge;
    }

    /** Whether an extraction submitted at {@code submittedAt} has outlived the deadline at {@code now}. */
    public boolean exceeded(Instant submittedAt, Instant now) {
        return submittedAt != null && !now.isBefore(submittedAt.plus(maxAge));
    }

    /** The error the files of such an extraction end with. */
    public ErrorInfo error(String extractionId, String status, Instant submittedAt, Instant now) {
        return ErrorInfo.newBuilder().setCode(CODE)
                .setMessage("Extraction " + extractionId + " was still " + status + " "
                        + Duration.between(submittedAt, now).withNanos(0) + " after its submission (deadline "
                        + maxAge + ", pipeline.poll.max-extraction-age); it was cancelled")
                .setRetryable(false).build();
    }
}
