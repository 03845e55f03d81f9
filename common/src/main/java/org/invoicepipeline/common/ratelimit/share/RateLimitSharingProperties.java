package org.invoicepipeline.common.ratelimit.share;

import java.time.Duration;

/**
 * How the instances using one API key divide its limits, under {@code pipeline.api.rate-limit-sharing.*}. Each value
 * is checked when bound: a value the limiter cannot work with fails the start, naming the property.
 */
public class RateLimitSharingProperties {

    /** {@code partitions} (default: owned input partitions ÷ all), {@code redis} (one shared bucket) or {@code none}. */
    private SharingMode mode = SharingMode.PARTITIONS;

    /** Part of the submissions group reserved for poll's resubmissions of retryable failures; submit gets the rest. */
    private double resubmissionShare = 0.1;

    /** Part of its share an instance regains per rate-limit window after a 429 halved it (additive increase). */
    private double recoveryPerWindow = 0.1;

    /** Redis of {@code redis} mode, e.g. {@code redis://host:6379} (a password in the URI is never logged). */
    private String redisUri = "redis://127.0.0.1:6379";

    /** Longest wait for a Redis answer before the instance falls back to its partition share. */
    private Duration redisTimeout = Duration.ofSeconds(2);

    /** How often an unreachable Redis is tried again while the partition share serves. */
    private Duration redisRetryInterval = Duration.ofSeconds(10);

    /** Prefix of the buckets' Redis keys (followed by a hash of base URL and API key, and the group). */
    private String redisKeyPrefix = "invoice-pipeline:rate-limit";

    public SharingMode getMode() {
        return mode;
    }

    public void setMode(SharingMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("mode must be partitions, redis or none");
        }
        this.mode = mode;
    }

    public double getResubmissionShare() {
        return resubmissionShare;
    }

    public void setResubmissionShare(double resubmissionShare) {
        if (!(resubmissionShare > 0 && resubmissionShare < 1)) {
            throw new IllegalArgumentException("resubmission-share must be in (0, 1), was " + resubmissionShare);
        }
        this.resubmissionShare = resubmissionShare;
    }

    public double getRecoveryPerWindow() {
        return recoveryPerWindow;
    }

    public void setRecoveryPerWindow(double recoveryPerWindow) {
        if (!(recoveryPerWindow > 0 && recoveryPerWindow <= 1)) {
            throw new IllegalArgumentException("recovery-per-window must be in (0, 1], was " + recoveryPerWindow);
        }
        this.recoveryPerWindow = recoveryPerWindow;
    }

    public String getRedisUri() {
        return redisUri;
    }

    public void setRedisUri(String redisUri) {
        if (redisUri == null || !(redisUri.startsWith("redis://") || redisUri.startsWith("rediss://"))) {
            throw new IllegalArgumentException("redis-uri must start with redis:// or rediss://");
        }
        this.redisUri = redisUri;
    }

    public Duration getRedisTimeout() {
        return redisTimeout;
    }

    public void setRedisTimeout(Duration redisTimeout) {
        this.redisTimeout = positive("redis-timeout", redisTimeout);
    }

    public Duration getRedisRetryInterval() {
        return redisRetryInterval;
    }

    public void setRedisRetryInterval(Duration redisRetryInterval) {
        this.redisRetryInterval = positive("redis-retry-interval", redisRetryInterval);
    }

    public String getRedisKeyPrefix() {
        return redisKeyPrefix;
    }

    public void setRedisKeyPrefix(String redisKeyPrefix) {
        if (redisKeyPrefix == null || redisKeyPrefix.isBlank()) {
            throw new IllegalArgumentException("redis-key-prefix must not be blank");
        }
        this.redisKeyPrefix = redisKeyPrefix;
    }

    /** The Redis settings of {@link RedisSharedPermits}. */
    public RedisSharedPermits.Settings redisSettings() {
        return new RedisSharedPermits.Settings(redisUri, redisTimeout, redisRetryInterval, redisKeyPrefix);
    }

    private static Duration positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "RateLimitSharingProperties[mode=" + mode + ", resubmissionShare=" + resubmissionShare
                + ", recoveryPerWindow=" + recoveryPerWindow + "]";
    }
}
