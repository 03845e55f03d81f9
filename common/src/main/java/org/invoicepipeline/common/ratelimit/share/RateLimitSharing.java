package org.invoicepipeline.common.ratelimit.share;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.ratelimit.EndpointGroup;
import org.invoicepipeline.client.ratelimit.PermitSource;
import org.invoicepipeline.client.ratelimit.RateLimiter;
import org.invoicepipeline.client.ratelimit.RateLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The division of one key's limits for the stages running in this JVM (one per shared {@link RateLimiter}; the
 * stages of a one-JVM pipeline register with the same one). Each stage reports the partition share it owns
 * ({@link StageShare}, from its rebalance listener); every report re-divides the groups' limits
 * ({@link GroupDivision}) in the {@link PartitionSharePermits}, which serve the permits, or back the Redis buckets
 * in {@code redis} mode.
 */
public final class RateLimitSharing {

    /** Gauge: the share of the key's limit this instance's bucket enforces now; tag {@code group}. */
    public static final String SHARE = "invoice_extraction.client.rate_limit.share";
    /** Counter: 429s that halved this instance's rate of a group (AIMD); tag {@code group}. */
    public static final String DECREASES = "invoice_extraction.client.rate_limit.share.decreases";
    /** Counter: times Redis became unreachable in {@code redis} mode and the partition share took over. */
    public static final String FALLBACKS = "invoice_extraction.client.rate_limit.sharing.fallbacks";

    private static final Logger log = LoggerFactory.getLogger(RateLimitSharing.class);
    private static final Map<RateLimiter, RateLimitSharing> BY_LIMITER = new IdentityHashMap<>();

    private final GroupDivision division;
    private final PartitionSharePermits partitionPermits;
    private final RedisSharedPermits redisPermits;
    private final Map<StageShare, Double> stageShares = new HashMap<>();
    private final String keyFingerprint;

    RateLimitSharing(GroupDivision division, PartitionSharePermits partitionPermits, RedisSharedPermits redisPermits,
                     String keyFingerprint) {
        this.division = division;
        this.partitionPermits = partitionPermits;
        this.redisPermits = redisPermits;
        this.keyFingerprint = keyFingerprint;
    }

    /**
     * The sharing of {@code limiter}'s key, created and installed on the limiter by the first caller of the JVM;
     * {@code null} when its mode is {@link SharingMode#NONE} or the limiter does not limit. Later callers get
     * the same (their settings are ignored: one division per key).
     */
    public static synchronized RateLimitSharing install(RateLimiter limiter, String baseUrl, String apiKey,
                                                        RateLimitSharingProperties properties, MeterRegistry meters) {
        if (properties.getMode() == SharingMode.NONE || !limiter.limits().enabled()) {
            return null;
        }
        RateLimitSharing existing = BY_LIMITER.get(limiter);
        if (existing != null) {
            return existing;
        }
        PartitionSharePermits partitions = new PartitionSharePermits(limiter.limits(),
                Aimd.halving(properties.getRecoveryPerWindow()), TimeMeter.SYSTEM_NANOTIME, 0);
        String fingerprint = RateLimiterRegistry.keyFingerprint(apiKey);
        Counter fallbacks = meters == null ? null : Counter.builder(FALLBACKS)
                .description("Times Redis was unreachable and the partition share took over").register(meters);
        RedisSharedPermits redis = null;
        if (properties.getMode() == SharingMode.REDIS) {
            redis = new RedisSharedPermits(limiter.limits(), baseUrl, apiKey, properties.redisSettings(), partitions,
                    cause -> {
                        if (fallbacks != null) {
                            fallbacks.increment();
                        }
                    });
        }
        RateLimitSharing sharing = new RateLimitSharing(new GroupDivision(properties.getResubmissionShare()),
                partitions, redis, fingerprint);
        if (meters != null) {
            sharing.registerMeters(meters);
        }
        partitions.onDecrease((group, factor) -> {
            if (meters != null) {
                meters.counter(DECREASES, "group", group.name().toLowerCase(java.util.Locale.ROOT)).increment();
            }
            log.warn("429 for {} of key {} despite the limiter: this instance's rate of it is cut to {} of its share",
                    group, fingerprint, String.format("%.3f", factor));
        });
        PermitSource source = redis != null ? redis : partitions;
        limiter.shareThrough(source);
        BY_LIMITER.put(limiter, sharing);
        log.info("Rate limits of key {} shared across instances: {} mode", fingerprint,
                properties.getMode().name().toLowerCase(java.util.Locale.ROOT));
        return sharing;
    }

    private void registerMeters(MeterRegistry meters) {
        for (EndpointGroup group : EndpointGroup.values()) {
            String tag = group.name().toLowerCase(java.util.Locale.ROOT);
            Gauge.builder(SHARE, partitionPermits, p -> p.share(group)).tag("group", tag)
                    .description("Share of the key's limit this instance's bucket enforces").register(meters);
            Counter.builder(DECREASES).tag("group", tag)
                    .description("429s that halved this instance's rate (AIMD)").register(meters);
        }
    }

    /** A stage of this JVM that draws on the key; its share is 0 until it reports partitions. */
    public StageShare register(String stage) {
        StageShare share = new StageShare(this, stage);
        update(share, 0);
        return share;
    }

    synchronized void update(StageShare stage, double share) {
        stageShares.put(stage, share);
        redivide();
    }

    synchronized void remove(StageShare stage) {
        stageShares.remove(stage);
        redivide();
    }

    private void redivide() {
        Map<String, Double> byStage = new HashMap<>();
        stageShares.forEach((stage, share) -> byStage.merge(stage.stage(), share, Double::sum));
        partitionPermits.divide(division.fractions(byStage));
    }

    /** The partition-share permits (the fallback in {@code redis} mode). */
    public PartitionSharePermits partitionPermits() {
        return partitionPermits;
    }

    /** The Redis permits in {@code redis} mode, else {@code null}. */
    public RedisSharedPermits redisPermits() {
        return redisPermits;
    }
}
