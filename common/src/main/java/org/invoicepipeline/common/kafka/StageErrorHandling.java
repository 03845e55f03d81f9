package org.invoicepipeline.common.kafka;

import java.util.Objects;

/**
 * How a worker's stage handles failed records; the one bean a worker declares for
 * {@link StageErrorHandlingConfiguration}.
 *
 * @param stage              short stage name for headers, logs, metrics and the pause thread names, e.g. {@code submit}
 * @param retry              retry bounds
 * @param commitDeadLettered whether a dead-lettered record's offset is committed; {@code false} for a stage that
 *                           acknowledges out of order (records below it may still be in flight)
 */
public record StageErrorHandling(String stage, StageRetryOptions retry, boolean commitDeadLettered) {

    public StageErrorHandling {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(retry, "retry");
    }

    /** Commits dead-lettered records, as a stage that acknowledges record by record wants. */
    public StageErrorHandling(String stage, StageRetryOptions retry) {
        this(stage, retry, true);
    }
}
