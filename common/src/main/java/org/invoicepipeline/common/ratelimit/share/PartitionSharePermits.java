package org.invoicepipeline.common.ratelimit.share;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import org.invoicepipeline.client.ratelimit.EndpointGroup;
import org.invoicepipeline.client.ratelimit.PermitSource;
import org.invoicepipeline.client.ratelimit.RateLimiter;
import org.invoicepipeline.client.ratelimit.RateLimits;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * This instance's part of a key's limits, in its own Bucket4j buckets: per group, the configured limits × the
 * group fraction of the partitions it owns ({@link #divide}, on every rebalance) × the {@link Aimd} factor after
 * 429s. A bucket is reconfigured in place (tokens kept in proportion), so waiting callers are not lost.
 */
public final class PartitionSharePermits implements PermitSource {

    /** Re-applying a recovering AIMD factor costs a reconfiguration; below this relative change it waits. */
    private static final double MIN_RELATIVE_CHANGE = 0.02;

    private final RateLimits limits;
    private final Aimd aimd;
    private final TimeMeter time;
    private final long windowNanos;
    private final Map<EndpointGroup, GroupPermits> groups = new EnumMap<>(EndpointGroup.class);
    private volatile BiConsumer<EndpointGroup, Double> onDecrease = (group, factor) -> { };

    /** Every group starts at {@code initialFraction} of the configured limits. */
    public PartitionSharePermits(RateLimits limits, Aimd aimd, TimeMeter time, double initialFraction) {
        this.limits = limits;
        this.aimd = aimd;
        this.time = time;
        this.windowNanos = limits.window().toNanos();
        long now = time.currentTimeNanos();
        for (EndpointGroup group : EndpointGroup.values()) {
            groups.put(group, new GroupPermits(group, initialFraction, Aimd.State.full(now)));
        }
    }

    /** Called with the group and the new factor whenever a 429 decreases a group's rate (for metrics, logs). */
    public void onDecrease(BiConsumer<EndpointGroup, Double> listener) {
        this.onDecrease = listener;
    }

    /** Re-divides: each group's fraction of the configured limits (from {@link GroupDivision#fractions}). */
    public void divide(Map<EndpointGroup, Double> fractions) {
        fractions.forEach((group, fraction) -> groups.get(group).fraction(fraction));
    }

    /** The share of the key's limit the group's bucket enforces now (configured share × fraction × AIMD factor). */
    public double share(EndpointGroup group) {
        return groups.get(group).refresh();
    }

    /** The group's current AIMD factor (1 = no recent 429). */
    public double factor(EndpointGroup group) {
        GroupPermits permits = groups.get(group);
        permits.refresh();
        return permits.aimdState().factor();
    }

    /** Permits the group's bucket holds now (negative while callers wait for reserved ones). */
    public long availablePermits(EndpointGroup group) {
        return groups.get(group).bucket.getAvailableTokens();
    }

    @Override
    public void acquire(EndpointGroup group) throws InterruptedException {
        GroupPermits permits = groups.get(group);
        permits.refresh();
        permits.bucket.asBlocking().consume(1);
    }

    @Override
    public boolean tryAcquire(EndpointGroup group) {
        GroupPermits permits = groups.get(group);
        permits.refresh();
        return permits.bucket.tryConsume(1);
    }

    @Override
    public void rateLimited(EndpointGroup group) {
        double factor = groups.get(group).rateLimited();
        if (factor >= 0) {
            onDecrease.accept(group, factor);
        }
    }

    private final class GroupPermits {
        private final EndpointGroup group;
        private final Bucket bucket;
        private double fraction;
        private Aimd.State aimdState;
        private double appliedShare;

        GroupPermits(EndpointGroup group, double fraction, Aimd.State aimdState) {
            this.group = group;
            this.fraction = fraction;
            this.aimdState = aimdState;
            this.appliedShare = SharedRate.share(limits.share(), fraction, aimdState.factor());
            this.bucket = Bucket.builder().addLimit(RateLimiter.bandwidth(limits.withShare(appliedShare), group))
                    .withCustomTimePrecision(time).build();
        }

        synchronized Aimd.State aimdState() {
            return aimdState;
        }

        synchronized void fraction(double newFraction) {
            fraction = newFraction;
            aimdState = aimd.recover(aimdState, time.currentTimeNanos(), windowNanos);
            apply(true);
        }

        /** Brings the AIMD factor up to date; returns the share applied. */
        synchronized double refresh() {
            if (aimdState.factor() < 1.0) {
                aimdState = aimd.recover(aimdState, time.currentTimeNanos(), windowNanos);
                apply(false);
            }
            return appliedShare;
        }

        /** Returns the new factor, or -1 when the 429 fell within the window of the last decrease. */
        synchronized double rateLimited() {
            Aimd.State before = aimdState;
            aimdState = aimd.rateLimited(aimdState, time.currentTimeNanos(), windowNanos);
            apply(true);
            return aimdState.lastDecreaseAt() != before.lastDecreaseAt() ? aimdState.factor() : -1;
        }

        private void apply(boolean always) {
            double share = SharedRate.share(limits.share(), fraction, aimdState.factor());
            boolean changed = share != appliedShare;
            boolean significant = Math.abs(share - appliedShare) > MIN_RELATIVE_CHANGE * appliedShare
                    || (share == 1.0 && changed);
            if (changed && (always || significant)) {
                appliedShare = share;
                BucketConfiguration configuration = BucketConfiguration.builder()
                        .addLimit(RateLimiter.bandwidth(limits.withShare(share), group)).build();
                bucket.replaceConfiguration(configuration, TokensInheritanceStrategy.PROPORTIONALLY);
            }
        }
    }
}
