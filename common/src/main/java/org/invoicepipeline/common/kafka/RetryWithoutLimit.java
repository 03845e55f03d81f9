package org.invoicepipeline.common.kafka;

/**
 * Which retryable failures a stage retries without limit instead of dead-lettering them after
 * {@link StageRetryOptions#maxAttempts()}: the back-off still grows up to {@link StageRetryOptions#maxInterval()},
 * and waits longer than {@link StageRetryOptions#maxBlockingSleep()} pause the container, so holding a record
 * never exceeds {@code max.poll.interval.ms}. For a stage whose record stands for work already done and paid
 * for (a completed extraction), where an outage of the API or storage must delay it, never lose it.
 */
@FunctionalInterface
public interface RetryWithoutLimit {

    /** Every retryable failure is retried {@code maxAttempts} times, then dead-lettered. */
    RetryWithoutLimit NEVER = failure -> false;

    /**
     * Failures of infrastructure that comes back — API unreachable, retryable API errors (5xx), refused signed
     * URLs, I/O, an unreachable schema registry — are retried without limit; an unrecognised failure
     * ({@link FailureClassifier#PROCESSING_FAILED}, e.g. a bug meeting a strange record) still runs out of attempts.
     */
    RetryWithoutLimit INFRASTRUCTURE = failure -> failure.retryable()
            && !FailureClassifier.PROCESSING_FAILED.equals(failure.code());

    /** Whether {@code failure} (retryable, not operational) is retried without limit. */
    boolean appliesTo(StageFailure failure);
}
