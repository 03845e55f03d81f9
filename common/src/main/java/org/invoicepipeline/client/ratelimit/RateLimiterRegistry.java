package org.invoicepipeline.client.ratelimit;

import org.invoicepipeline.common.hash.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM-wide rate limiters, one per (base URL, API key): the server counts per key, so every client instance
 * and thread using a key must draw from the same buckets. Keyed by a SHA-256 of the key, never the key itself.
 * The first client of a key fixes its limits; a later client asking for different ones gets the shared limiter
 * (and a warning), because two sets of buckets for one key would together exceed the server's limit.
 */
public final class RateLimiterRegistry {

    private static final Logger log = LoggerFactory.getLogger(RateLimiterRegistry.class);
    private static final Map<String, RateLimiter> LIMITERS = new ConcurrentHashMap<>();

    private RateLimiterRegistry() {
    }

    public static RateLimiter forKey(String baseUrl, String apiKey, RateLimits limits) {
        String id = baseUrl + "#" + keyFingerprint(apiKey);
        RateLimiter limiter = LIMITERS.computeIfAbsent(id, ignored -> new RateLimiter(limits));
        if (!limiter.limits().equals(limits)) {
            log.warn("Rate limits for key {} at {} already configured by another client; using the shared ones",
                    keyFingerprint(apiKey), baseUrl);
        }
        return limiter;
    }

    /** A short, non-reversible identifier of a key, safe to log. */
    public static String keyFingerprint(String apiKey) {
        return Sha256.hexPrefix(apiKey, 12);
    }
}
