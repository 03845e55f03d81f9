package org.invoicepipeline.common.kafka;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What went wrong with a record, as the stage decides what to do about it.
 *
 * @param code       the API's error code or a pipeline code; what lands in {@link PipelineHeaders#ERROR_CODE}
 * @param message    a human-readable reason, already free of secrets
 * @param retryable  whether trying the same record again may succeed
 * @param retryAfter the wait the API asked for, or {@code null}
 * @param operational true for back-pressure (credits short, submissions paused): wait and retry without limit,
 *                    never dead-letter
 */
public record StageFailure(String code, String message, boolean retryable, Duration retryAfter, boolean operational) {

    public StageFailure {
        Objects.requireNonNull(code, "code");
        message = message == null ? code : message;
    }

    /** A failure that retrying cannot fix: straight to the dead-letter topic. */
    public static StageFailure permanent(String code, String message) {
        return new StageFailure(code, message, false, null, false);
    }

    /** A failure that may go away: retried with back-off, dead-lettered once attempts run out. */
    public static StageFailure transientFailure(String code, String message, Duration retryAfter) {
        return new StageFailure(code, message, true, retryAfter, false);
    }

    /** The wait asked for by the API, if any. */
    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }
}
