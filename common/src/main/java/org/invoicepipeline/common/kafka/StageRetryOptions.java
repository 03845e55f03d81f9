package org.invoicepipeline.common.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * How a stage retries a record that failed with a retryable error before dead-lettering it.
 *
 * @param initialInterval  the first back-off
 * @param multiplier       growth of each next back-off
 * @param maxInterval      cap of one back-off (a longer Retry-After from the API still wins)
 * @param maxAttempts      deliveries in all (first one included) before the record goes to the dead-letter topic
 * @param maxBlockingSleep back-offs up to this long are slept on the consumer thread; longer ones pause the
 *                         container and let it keep polling, so {@code max.poll.interval.ms} is never exceeded.
 *                         Keep it well below {@code max.poll.interval.ms}.
 */
public record StageRetryOptions(Duration initialInterval, double multiplier, Duration maxInterval, int maxAttempts,
                                Duration maxBlockingSleep) {

    public StageRetryOptions {
        Objects.requireNonNull(initialInterval, "initialInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(maxBlockingSleep, "maxBlockingSleep");
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** 1 s doubling up to 2 min, 8 deliveries in all, sleeping at most 2 s on the consumer thread. */
    public static StageRetryOptions defaults() {
        return new StageRetryOptions(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(2), 8, Duration.ofSeconds(2));
    }
}
