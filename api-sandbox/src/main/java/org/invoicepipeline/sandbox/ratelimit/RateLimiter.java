package org.invoicepipeline.sandbox.ratelimit;

import java.util.EnumMap;
import java.util.Map;

/**
 * One key's rate limits: a token bucket per {@link RateLimitGroup} holding a minute's worth of
 * requests and refilling continuously. The scale factor shortens the minute (60 = one second)
 * while keeping every ratio; a scale of zero or less turns limiting off.
 */
public final class RateLimiter {

    private final double scale;
    private final Map<RateLimitGroup, Bucket> buckets = new EnumMap<>(RateLimitGroup.class);

    public RateLimiter(double scale) {
        this.scale = scale;
        if (enabled()) {
            for (RateLimitGroup group : RateLimitGroup.values()) {
                buckets.put(group, new Bucket(group.requestsPerMinute(), 60_000.0 / scale));
            }
        }
    }

    public boolean enabled() {
        return scale > 0;
    }

    /**
     * Takes one request from the group's bucket.
     *
     * @return 0 when allowed, otherwise the whole seconds (at least 1) to wait before retrying
     */
    public long acquire(RateLimitGroup group, long nowNanos) {
        if (!enabled() || group == null) {
            return 0;
        }
        return buckets.get(group).acquire(nowNanos);
    }

    private static final class Bucket {
        private final double capacity;
        private final double tokensPerNano;
        private double tokens;
        private long lastRefillNanos;

        Bucket(int requestsPerWindow, double windowMillis) {
            this.capacity = requestsPerWindow;
            this.tokensPerNano = requestsPerWindow / (windowMillis * 1_000_000.0);
            this.tokens = requestsPerWindow;
            this.lastRefillNanos = System.nanoTime();
        }

        synchronized long acquire(long nowNanos) {
            long elapsed = nowNanos - lastRefillNanos;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                lastRefillNanos = nowNanos;
            }
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return 0;
            }
            double nanosToOneToken = (1.0 - tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(nanosToOneToken / 1_000_000_000.0));
        }
    }
}
