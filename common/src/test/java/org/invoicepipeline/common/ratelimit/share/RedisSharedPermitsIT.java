package org.invoicepipeline.common.ratelimit.share;

import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.ratelimit.EndpointGroup;
import org.invoicepipeline.client.ratelimit.RateLimiter;
import org.invoicepipeline.client.ratelimit.RateLimiterRegistry;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.invoicepipeline.common.kafka.StageNames;
import org.invoicepipeline.common.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exact sharing against a real {@code redis-server} on loopback: instances using one key draw from one bucket per
 * group together; an unreachable or dying Redis falls back to the partition share (with a metric), never to no limit.
 */
class RedisSharedPermitsIT {

    /** 600 uploads per 1 s window, with the default reserve (burst fraction, window margin). */
    private static final RateLimits LIMITS = RateLimits.documented().withScale(60);
    private static final Duration RUN = Duration.ofSeconds(2);
    /** What one bucket grants in {@link #RUN}: the burst plus the refill at the sustained rate. */
    private static final double ONE_BUCKET = LIMITS.burst(EndpointGroup.UPLOADS)
            + LIMITS.sustainedPerWindow(EndpointGroup.UPLOADS) * RUN.toNanos() / LIMITS.window().toNanos();

    private final Path logs = Path.of("target", "redis-it");
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final String apiKey = "redis-it-key-" + UUID.randomUUID();

    @Test
    void threeInstancesDrawFromOneBucketPerGroupPerKey() throws Exception {
        RedisServerProcess redis = started(RedisServerProcess.start(logs.resolve("shared.log")));
        AtomicInteger fallbacks = new AtomicInteger();
        List<RedisSharedPermits> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // A fallback with the whole limit: had an instance fallen back, the three would together send 3x.
            PartitionSharePermits fallback = new PartitionSharePermits(LIMITS, Aimd.halving(0.1),
                    TimeMeter.SYSTEM_NANOTIME, 1);
            instances.add(closing(new RedisSharedPermits(LIMITS, "http://sandbox/v1", apiKey, settings(redis.uri()),
                    fallback, cause -> fallbacks.incrementAndGet())));
        }
        int[] granted = drawConcurrently(instances, EndpointGroup.UPLOADS, RUN);
        int total = granted[0] + granted[1] + granted[2];
        System.out.printf("granted per instance %d %d %d, total %d, one bucket %.0f%n", granted[0], granted[1],
                granted[2], total, ONE_BUCKET);
        assertThat(fallbacks).as("fallbacks").hasValue(0);
        assertThat(instances).allMatch(RedisSharedPermits::usingRedis);
        assertThat((double) total).as("all instances together: one bucket's worth").isBetween(0.85 * ONE_BUCKET,
                1.03 * ONE_BUCKET + 3);
        for (int each : granted) {
            assertThat(each).as("every instance gets permits").isGreaterThan((int) (0.1 * ONE_BUCKET));
        }

        // Another group has a bucket of its own.
        assertThat(instances.get(0).tryAcquire(EndpointGroup.STATUS)).isTrue();
        try (RedisClient client = RedisClient.create(redis.uri());
             StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys("*");
            assertThat(keys).containsExactlyInAnyOrder(instances.get(0).bucketKey(EndpointGroup.UPLOADS),
                    instances.get(0).bucketKey(EndpointGroup.STATUS));
            assertThat(keys).as("Redis keys never hold the API key").noneMatch(key -> key.contains(apiKey))
                    .allMatch(key -> key.startsWith("invoice-pipeline:rate-limit:"));
        }
    }

    @Test
    void unreachableRedisFallsBackToThePartitionShareWithAMetricUntilItIsBack() throws Exception {
        int port = RedisServerProcess.freePort();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RateLimiter limiter = limiter("http://127.0.0.1:" + port + "/unreachable");
        RateLimitSharing sharing = RateLimitSharing.install(limiter, "http://127.0.0.1:" + port + "/unreachable",
                apiKey, properties("redis://127.0.0.1:" + port), meters);
        closing(sharing.redisPermits());
        sharing.register(StageNames.UPLOAD).report(0.5); // half the partitions of the upload stage

        assertThat(sharing.redisPermits().usingRedis()).isFalse();
        assertThat(meters.counter(RateLimitSharing.FALLBACKS).count()).isEqualTo(1.0);
        int granted = drawFor(limiter, EndpointGroup.UPLOADS, RUN);
        assertThat((double) granted).as("the partition share (half), not no limit")
                .isBetween(0.4 * ONE_BUCKET, 0.55 * ONE_BUCKET + 3);

        started(RedisServerProcess.start(port, logs.resolve("late.log")));
        await("Redis to serve again").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> limiter.tryAcquire(EndpointGroup.STATUS) && sharing.redisPermits().usingRedis());
        assertThat(meters.counter(RateLimitSharing.FALLBACKS).count()).isEqualTo(1.0);
    }

    @Test
    void redisDyingMidRunFallsBackAndNeverLetsEverythingThrough() throws Exception {
        RedisServerProcess redis = RedisServerProcess.start(logs.resolve("dying.log"));
        closeables.add(redis);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        String baseUrl = "http://127.0.0.1:" + redis.port() + "/dying";
        RateLimiter limiter = limiter(baseUrl);
        RateLimitSharing sharing = RateLimitSharing.install(limiter, baseUrl, apiKey, properties(redis.uri()), meters);
        closing(sharing.redisPermits());
        sharing.register(StageNames.UPLOAD).report(1.0 / 3);
        assertThat(limiter.tryAcquire(EndpointGroup.UPLOADS)).isTrue();
        assertThat(sharing.redisPermits().usingRedis()).isTrue();

        redis.close();
        int granted = drawFor(limiter, EndpointGroup.UPLOADS, RUN);
        assertThat(sharing.redisPermits().usingRedis()).isFalse();
        assertThat(meters.counter(RateLimitSharing.FALLBACKS).count()).isEqualTo(1.0);
        assertThat((double) granted).as("a third (the partition share) at most, not no limit")
                .isLessThanOrEqualTo(ONE_BUCKET / 3 + 60);
    }

    private RateLimiter limiter(String baseUrl) {
        return RateLimiterRegistry.forKey(baseUrl, apiKey, LIMITS);
    }

    private static RateLimitSharingProperties properties(String uri) {
        RateLimitSharingProperties properties = new RateLimitSharingProperties();
        properties.setMode(SharingMode.REDIS);
        properties.setRedisUri(uri);
        properties.setRedisTimeout(Duration.ofSeconds(2)); // the first connection of a JVM loads Netty
        properties.setRedisRetryInterval(Duration.ofMillis(500));
        return properties;
    }

    private static RedisSharedPermits.Settings settings(String uri) {
        return properties(uri).redisSettings();
    }

    /** Each instance on a thread of its own, blocking for permits; how many each got. */
    private static int[] drawConcurrently(List<RedisSharedPermits> instances, EndpointGroup group, Duration run)
            throws InterruptedException {
        int[] granted = new int[instances.size()];
        long end = System.nanoTime() + run.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        instances.get(index).acquire(group);
                        if (System.nanoTime() <= end) {
                            granted[index]++;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return granted;
    }

    private static int drawFor(RateLimiter limiter, EndpointGroup group, Duration run) throws InterruptedException {
        int granted = 0;
        long end = System.nanoTime() + run.toNanos();
        while (System.nanoTime() < end) {
            limiter.acquire(group);
            if (System.nanoTime() <= end) {
                granted++;
            }
        }
        return granted;
    }

    private RedisServerProcess started(RedisServerProcess redis) {
        closeables.add(redis);
        return redis;
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.add(0, closeable);
        return closeable;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }
}
