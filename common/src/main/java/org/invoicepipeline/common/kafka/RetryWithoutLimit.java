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

    /**
     * The API key is refused ({@code UNAUTHENTICATED}, {@code API_KEY_EXPIRED}, {@code API_KEY_REVOKED}): a state
     * of the account that an operator fixes by configuring a valid key, never a fault of the record — although
     * not retryable as an API call, the record is held rather than dead-lettered.
     */
    RetryWithoutLimit KEY_REFUSED = failure -> switch (failure.code()) {
        case "UNAUTHENTICATED", "API_KEY_EXPIRED", "API_KEY_REVOKED" -> true;
        default -> false;
    };

    /** Whether {@code failure} (not operational) is retried without limit. */
    boolean appliesTo(StageFailure failure);

    /** Retries without limit what this or {@code other} names. */
    default RetryWithoutLimit or(RetryWithoutLimit other) {
        return failure -> appliesTo(failure) || other.appliesTo(failure);
    }
}
