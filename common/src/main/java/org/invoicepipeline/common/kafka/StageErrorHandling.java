package org.invoicepipeline.common.kafka;

import org.invoicepipeline.common.events.EventTopics;

import java.time.Duration;
import java.util.Objects;

/**
 * How a worker's stage handles failed records; the one bean a worker declares for
 * {@link StageErrorHandlingConfiguration}.
 *
 * @param stage              short stage name for headers, logs, metrics and the pause thread names, e.g. {@code submit}
 * @param retry              retry bounds
 * @param commitDeadLettered whether a dead-lettered record's offset is committed; {@code false} for a stage that
 *                           acknowledges out of order (records below it may still be in flight)
 * @param resultsTopic       where the {@code DEAD_LETTERED} results of a dead-lettered record's files go
 * @param deadLetterResults  those results, per dead-lettered record
 * @param retryWithoutLimit  which retryable failures are retried without limit instead of dead-lettered after
 *                           {@code retry.maxAttempts()}
 * @param publishTimeout     longest wait for the broker to acknowledge the {@code DEAD_LETTERED} results; the
 *                           stage's {@code publish-timeout}
 * @param afterDeadLetter    run on the consumer thread after each dead letter
 */
public record StageErrorHandling(String stage, StageRetryOptions retry, boolean commitDeadLettered,
                                 String resultsTopic, DeadLetterResults deadLetterResults,
                                 RetryWithoutLimit retryWithoutLimit, Duration publishTimeout,
                                 AfterDeadLetter afterDeadLetter) {

    /** Default topic of {@code ExtractionResult}s. */
    public static final String DEFAULT_RESULTS_TOPIC = EventTopics.DEFAULT_EXTRACTION_RESULTS;

    /** Wait for the {@code DEAD_LETTERED} results' acknowledgement unless the stage sets its own. */
    public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    public StageErrorHandling {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(resultsTopic, "resultsTopic");
        Objects.requireNonNull(deadLetterResults, "deadLetterResults");
        Objects.requireNonNull(retryWithoutLimit, "retryWithoutLimit");
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        Objects.requireNonNull(afterDeadLetter, "afterDeadLetter");
    }

    /** Waits {@link #DEFAULT_PUBLISH_TIMEOUT} for the results. */
    public StageErrorHandling(String stage, StageRetryOptions retry, boolean commitDeadLettered,
                              String resultsTopic, DeadLetterResults deadLetterResults,
                              RetryWithoutLimit retryWithoutLimit) {
        this(stage, retry, commitDeadLettered, resultsTopic, deadLetterResults, retryWithoutLimit,
                DEFAULT_PUBLISH_TIMEOUT, AfterDeadLetter.NONE);
    }

    /** Every retryable failure runs out of attempts ({@link RetryWithoutLimit#NEVER}). */
    public StageErrorHandling(String stage, StageRetryOptions retry, boolean commitDeadLettered,
                              String resultsTopic, DeadLetterResults deadLetterResults) {
        this(stage, retry, commitDeadLettered, resultsTopic, deadLetterResults, RetryWithoutLimit.NEVER);
    }

    /** A stage whose records name no files: dead letters publish no results. */
    public StageErrorHandling(String stage, StageRetryOptions retry, boolean commitDeadLettered) {
        this(stage, retry, commitDeadLettered, DEFAULT_RESULTS_TOPIC, DeadLetterResults.NONE);
    }

    /** Commits dead-lettered records, as a stage that acknowledges record by record wants. */
    public StageErrorHandling(String stage, StageRetryOptions retry) {
        this(stage, retry, true);
    }

    /** The same handling, publishing {@code results} of every dead-lettered record to {@code topic}. */
    public StageErrorHandling withDeadLetterResults(String topic, DeadLetterResults results) {
        return new StageErrorHandling(stage, retry, commitDeadLettered, topic, results, retryWithoutLimit,
                publishTimeout, afterDeadLetter);
    }

    /** The same handling, retrying the failures {@code policy} names without limit (never dead-lettering them). */
    public StageErrorHandling withRetryWithoutLimit(RetryWithoutLimit policy) {
        return new StageErrorHandling(stage, retry, commitDeadLettered, resultsTopic, deadLetterResults, policy,
                publishTimeout, afterDeadLetter);
    }

    /** The same handling, waiting at most {@code timeout} for the broker to acknowledge the results. */
    public StageErrorHandling withPublishTimeout(Duration timeout) {
        return new StageErrorHandling(stage, retry, commitDeadLettered, resultsTopic, deadLetterResults,
                retryWithoutLimit, timeout, afterDeadLetter);
    }

    /** The same handling, running {@code hook} after each dead letter. */
    public StageErrorHandling withAfterDeadLetter(AfterDeadLetter hook) {
        return new StageErrorHandling(stage, retry, commitDeadLettered, resultsTopic, deadLetterResults,
                retryWithoutLimit, publishTimeout, hook);
    }
}
