package org.invoicepipeline.common.ratelimit.share;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.invoicepipeline.client.ratelimit.EndpointGroup;
import org.invoicepipeline.client.ratelimit.PermitSource;
import org.invoicepipeline.client.ratelimit.RateLimiter;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.invoicepipeline.common.hash.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exact sharing: every instance using the key draws from one Bucket4j bucket per endpoint group in Redis
 * (Lettuce, compare-and-swap), so together they send what one process alone would. The Redis key holds a hash
 * of the API key, never the key. While Redis is unreachable the permits come from {@code fallback} (the
 * partition share, never no limit), with one WARN per outage; Redis is tried again every {@code retryInterval}.
 */
public final class RedisSharedPermits implements PermitSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisSharedPermits.class);

    /** Redis settings of exact sharing. */
    public record Settings(String uri, Duration timeout, Duration retryInterval, String keyPrefix) {
    }

    /** Told each time the permits switch between Redis and the fallback. */
    public interface Listener {
        void fellBack(Exception cause);

        default void recovered() {
        }
    }

    private final RateLimits limits;
    private final String keyHash;
    private final Settings settings;
    private final PermitSource fallback;
    private final Listener listener;
    private final ReentrantLock connecting = new ReentrantLock();
    private final Map<EndpointGroup, BucketProxy> buckets = new EnumMap<>(EndpointGroup.class);

    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> proxies;
    private volatile boolean down;
    private volatile long nextAttemptAt;

    /**
     * Connects at once; an unreachable Redis only means the fallback serves until it is reachable.
     *
     * @param apiKey the key whose budget is shared (only its hash goes to Redis)
     */
    public RedisSharedPermits(RateLimits limits, String baseUrl, String apiKey, Settings settings,
                              PermitSource fallback, Listener listener) {
        this.limits = limits;
        this.keyHash = Sha256.hexPrefix(baseUrl + "#" + apiKey, 32);
        this.settings = settings;
        this.fallback = fallback;
        this.listener = listener;
        connect();
    }

    /** The Redis key of a group's bucket: prefix, hash of base URL and API key, group. */
    public String bucketKey(EndpointGroup group) {
        return settings.keyPrefix() + ":" + keyHash + ":" + group.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether permits come from Redis now. */
    public boolean usingRedis() {
        return proxies != null && !down;
    }

    @Override
    public void acquire(EndpointGroup group) throws InterruptedException {
        BucketProxy bucket = bucket(group);
        if (bucket != null) {
            try {
                bucket.asBlocking().consume(1);
                return;
            } catch (RuntimeException e) {
                fellBack(e);
            }
        }
        fallback.acquire(group);
    }

    @Override
    public boolean tryAcquire(EndpointGroup group) {
        BucketProxy bucket = bucket(group);
        if (bucket != null) {
            try {
                return bucket.tryConsume(1);
            } catch (RuntimeException e) {
                fellBack(e);
            }
        }
        return fallback.tryAcquire(group);
    }

    /** A 429 with the shared bucket means someone else uses the key: the fallback's AIMD state notes it too. */
    @Override
    public void rateLimited(EndpointGroup group) {
        fallback.rateLimited(group);
    }

    private BucketProxy bucket(EndpointGroup group) {
        if (down || proxies == null) {
            if (System.nanoTime() - nextAttemptAt < 0 || !connect()) {
                return null;
            }
        }
        synchronized (buckets) {
            ProxyManager<String> current = proxies; // null while another caller reconnects
            if (current == null) {
                return null;
            }
            return buckets.computeIfAbsent(group, g -> current.builder().build(bucketKey(g), () ->
                    BucketConfiguration.builder().addLimit(RateLimiter.bandwidth(limits, g)).build()));
        }
    }

    private boolean connect() {
        if (!connecting.tryLock()) {
            return false; // another caller is connecting: this one uses the fallback meanwhile
        }
        try {
            if (proxies != null && !down) {
                return true;
            }
            closeConnection();
            RedisURI uri = RedisURI.create(settings.uri());
            uri.setTimeout(settings.timeout());
            client = RedisClient.create(uri);
            client.setOptions(ClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    // reconnecting is this class's job (every retryInterval), without Lettuce's watchdog logging
                    .autoReconnect(false)
                    .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                    .build());
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            connection.sync().ping();
            synchronized (buckets) {
                buckets.clear();
                proxies = Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(limits.window().multipliedBy(2)))
                        .requestTimeout(settings.timeout())
                        .build();
            }
            if (down) {
                log.info("Rate-limit sharing: Redis at {} reachable again; permits come from the shared buckets",
                        redactedUri());
                listener.recovered();
            }
            down = false;
            return true;
        } catch (RuntimeException e) {
            closeConnection();
            fellBack(e);
            return false;
        } finally {
            connecting.unlock();
        }
    }

    private void fellBack(Exception cause) {
        nextAttemptAt = System.nanoTime() + settings.retryInterval().toNanos();
        if (!down) {
            down = true;
            log.warn("Rate-limit sharing: Redis at {} unreachable ({}); falling back to this instance's partition "
                    + "share until it is back (retried every {})", redactedUri(), cause.toString(),
                    settings.retryInterval());
            listener.fellBack(cause);
        }
    }

    /** The URI without a password. */
    private String redactedUri() {
        String uri = settings.uri();
        int at = uri.indexOf('@');
        int scheme = uri.indexOf("://");
        return at > 0 && scheme > 0 && scheme < at ? uri.substring(0, scheme + 3) + "***" + uri.substring(at) : uri;
    }

    private void closeConnection() {
        proxies = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
            connection = null;
        }
        if (client != null) {
            try {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // already broken
            }
            client = null;
        }
    }

    @Override
    public void close() {
        connecting.lock();
        try {
            closeConnection();
        } finally {
            connecting.unlock();
        }
    }
}
