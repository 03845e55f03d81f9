package org.invoicepipeline.common.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by a stage when the record is fine but the stage must not go on yet (credits short, submissions
 * paused for a deploy). The error handler pauses the consumer for {@link #retryAfter()} and redelivers the
 * same record, without limit and without dead-lettering it: an operational state, not an error.
 */
public class StageBackPressureException extends RuntimeException {

    private final String reason;
    private final Duration retryAfter;

    public StageBackPressureException(String reason, String message, Duration retryAfter) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** e.g. {@code INSUFFICIENT_CREDITS} or {@code SUBMISSIONS_PAUSED}. */
    public String reason() {
        return reason;
    }

    /** How long to wait before the record is tried again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
