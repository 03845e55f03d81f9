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
    /** Where permits come from when the key's budget is shared across instances; null = this JVM's own buckets. */
    private volatile PermitSource sharedSource;

    RateLimiter(RateLimits limits) {
        this(limits, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimiter(RateLimits limits, TimeMeter time) {
        this.limits = limits;
        for (EndpointGroup group : EndpointGroup.values()) {
            buckets.put(group, Bucket.builder().addLimit(bandwidth(limits, group)).withCustomTimePrecision(time).build());
        }
    }

    /** The bucket shape of a group under {@code limits}: a burst, then an even refill over the stretched window. */
    public static Bandwidth bandwidth(RateLimits limits, EndpointGroup group) {
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
     * Draws every later permit from {@code source} (cross-instance sharing of the key's budget) instead of this
     * JVM's own buckets; {@code null} returns to the own buckets.
     */
    public void shareThrough(PermitSource source) {
        this.sharedSource = source;
    }

    /** The source installed by {@link #shareThrough}, if any. */
    public PermitSource sharedSource() {
        return sharedSource;
    }

    /** Tells the permit source that the server answered 429 for the group although a permit was granted. */
    public void rateLimited(EndpointGroup group) {
        PermitSource source = sharedSource;
        if (source != null && limits.enabled()) {
            source.rateLimited(group);
        }
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
        PermitSource source = sharedSource;
        if (source != null) {
            source.acquire(group);
        } else {
            buckets.get(group).asBlocking().consume(1);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** How long until the group has a permit (0 when it has one now); for simulations on a test clock. */
    long nanosToNextPermit(EndpointGroup group) {
        return buckets.get(group).estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    /** Takes a permit if one is available now, without waiting. */
    public boolean tryAcquire(EndpointGroup group) {
        if (!limits.enabled()) {
            return true;
        }
        PermitSource source = sharedSource;
        return source != null ? source.tryAcquire(group) : buckets.get(group).tryConsume(1);
    }
}
