package org.invoicepipeline.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long a failed call is retried: up to {@code maxAttempts} attempts in all, within
 * {@code maxTotal} from the first attempt, sleeping an exponential backoff with full jitter
 * ({@code random(0, min(maxBackoff, initialBackoff * 2^(n-1)))}) unless the API named a Retry-After, which wins.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotal) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxTotal, "maxTotal");
    }

    /** 5 attempts, 500 ms doubling up to 30 s, at most 2 minutes in all. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** A single attempt. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The jittered backoff before attempt {@code failedAttempts + 1}. */
    public Duration backoff(int failedAttempts) {
        long base = initialBackoff.toNanos();
        int shift = Math.min(30, Math.max(0, failedAttempts - 1));
        long ceiling = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        ceiling = Math.min(ceiling, maxBackoff.toNanos());
        if (ceiling <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
