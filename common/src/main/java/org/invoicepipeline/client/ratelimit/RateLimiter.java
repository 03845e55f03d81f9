package org.invoicepipeline.client.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The permits of one API key at one base URL: one Bucket4j bucket per endpoint group. Obtain instances from
 * {@link RateLimiterRegistry} so that every client of the JVM using the key shares them.
 */
public final class RateLimiter {

    private final RateLimits limits;
    private final Map<EndpointGroup, Bucket> buckets = new EnumMap<>(EndpointGroup.class);

    RateLimiter(RateLimits limits) {
        this(limits, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimiter(RateLimits limits, TimeMeter time) {
        this.limits = limits;
        for (EndpointGroup group : EndpointGroup.values()) {
            buckets.put(group, Bucket.builder().addLimit(bandwidth(limits, group)).withCustomTimePrecision(time).build());
        }
    }

    static Bandwidth bandwidth(RateLimits limits, EndpointGroup group) {
        long perWindow = limits.requestsPerWindow(group);
        long burst = limits.burst(group);
        long refill = Math.max(1, perWindow - burst);
        Duration refillPeriod = Duration.ofNanos(Math.round(limits.window().toNanos() * (1 + limits.windowMargin())));
        return Bandwidth.builder()
                .capacity(burst)
                .refillGreedy(refill, refillPeriod)
                .initialTokens(burst)
                .build();
    }

    public RateLimits limits() {
        return limits;
    }

    /**
     * Blocks until the group grants a permit and returns how long that took. Bucket4j reserves the permit
     * first and then sleeps, so waiting callers are served in arrival order.
     */
    public Duration acquire(EndpointGroup group) throws InterruptedException {
        if (!limits.enabled()) {
            return Duration.ZERO;
        }
        long start = System.nanoTime();
        buckets.get(group).asBlocking().consume(1);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** How long until the group has a permit (0 when it has one now); for simulations on a test clock. */
    long nanosToNextPermit(EndpointGroup group) {
        return buckets.get(group).estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    /** Takes a permit if one is available now, without waiting. */
    public boolean tryAcquire(EndpointGroup group) {
        return !limits.enabled() || buckets.get(group).tryConsume(1);
    }
}
