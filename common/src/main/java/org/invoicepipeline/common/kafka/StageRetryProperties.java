package org.invoicepipeline.common.kafka;

import java.time.Duration;

import org.invoicepipeline.common.config.PropertyRules;

/**
 * Bindable form of {@link StageRetryOptions}, nested as {@code pipeline.<stage>.retry.*} in each worker's
 * properties. Defaults are those of {@link StageRetryOptions#defaults()} unless the worker passes its own.
 */
public class StageRetryProperties {

    /** First back-off of a record that failed with a retryable error. */
    private Duration initialInterval;

    /** Growth of each next back-off (at least 1). */
    private double multiplier;

    /** Longest back-off (a longer Retry-After from the API still wins). */
    private Duration maxInterval;

    /** Deliveries in all (first one included) before the record is dead-lettered. */
    private int maxAttempts;

    /**
     * Back-offs up to this long are slept on the consumer thread; longer ones pause the container. Keep it well
     * below {@code max.poll.interval.ms}.
     */
    private Duration maxBlockingSleep;

    public StageRetryProperties() {
        this(StageRetryOptions.defaults());
    }

    /** Starts from other defaults, for a stage whose default differs from the shared one. */
    public StageRetryProperties(StageRetryOptions defaults) {
        this.initialInterval = defaults.initialInterval();
        this.multiplier = defaults.multiplier();
        this.maxInterval = defaults.maxInterval();
        this.maxAttempts = defaults.maxAttempts();
        this.maxBlockingSleep = defaults.maxBlockingSleep();
    }

    /** Start-up checks of these settings, nested as {@code retry} in {@code rules}' properties. */
    public void validate(PropertyRules rules) {
        rules.positive("retry.initialInterval", initialInterval)
                .require(multiplier >= 1.0, "retry.multiplier", multiplier, "must be at least 1")
                .notLonger("retry.initialInterval", initialInterval, "retry.maxInterval", maxInterval)
                .atLeast("retry.maxAttempts", maxAttempts, 1)
                .notNegative("retry.maxBlockingSleep", maxBlockingSleep);
    }

    public StageRetryOptions toOptions() {
        return new StageRetryOptions(initialInterval, multiplier, maxInterval, maxAttempts, maxBlockingSleep);
    }

    public Duration getInitialInterval() {
        return initialInterval;
    }

    public void setInitialInterval(Duration initialInterval) {
        this.initialInterval = initialInterval;
    }

    public double getMultiplier() {
        return multiplier;
    }

    public void setMultiplier(double multiplier) {
        this.multiplier = multiplier;
    }

    public Duration getMaxInterval() {
        return maxInterval;
    }

    public void setMaxInterval(Duration maxInterval) {
        this.maxInterval = maxInterval;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getMaxBlockingSleep() {
        return maxBlockingSleep;
    }

    public void setMaxBlockingSleep(Duration maxBlockingSleep) {
        this.maxBlockingSleep = maxBlockingSleep;
    }
}
