package org.invoicepipeline.client.ratelimit;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The limits the client enforces on itself, per endpoint group: {@code requests} per {@code window}.
 * Defaults are the documented per-minute limits. {@code scale} shortens the window by that factor (a
 * sandbox started with {@code rateLimitScale(60)} allows the same count per second); a share below 1
 * reserves only part of the key's budget for this JVM when several processes use one key.
 *
 * <p>To never provoke a 429 whatever window the server counts in (fixed, sliding or token bucket), each
 * group's bucket allows a burst of {@code burstFraction} of the limit and refills the rest evenly over the
 * window stretched by {@code windowMargin}: for any window of the server's length the client sends at most
 * {@code burst + (limit - burst) / (1 + margin)} requests, which stays under the limit even when requests
 * reach the server up to {@code margin * window} late: the requests a server window of length W can see were
 * permitted within W(1 + margin), which the bucket bounds by {@code burst + (limit - burst) = limit}.
 *
 * <p>The sustained rate is {@code (limit - burst) / (1 + margin)} per window: the defaults (burst 1 %, margin
 * 1 %) give 594 / 1.01 = 588.1 of 600 upload calls a minute, 0.980 of the limit, with at most 6 + 588 = 594
 * in any window. (The former fixed 10 % + 10 % left only 490.9 calls a minute, 0.818.)
 */
public record RateLimits(boolean enabled, Map<EndpointGroup, Integer> perMinute, double scale, double share,
                         double burstFraction, double windowMargin) {

    /** Default share of a group's limit that may go out at once (at least one request always may). */
    public static final double DEFAULT_BURST_FRACTION = 0.01;
    /** Default stretch of the refill period over the server's window (tolerated lateness, as a fraction of it). */
    public static final double DEFAULT_WINDOW_MARGIN = 0.01;

    public RateLimits {
        EnumMap<EndpointGroup, Integer> limits = new EnumMap<>(EndpointGroup.class);
        for (EndpointGroup group : EndpointGroup.values()) {
            limits.put(group, group.documentedPerMinute());
        }
        if (perMinute != null) {
            perMinute.forEach((group, limit) -> {
                if (limit == null || limit < 1) {
                    throw new IllegalArgumentException("limit of " + group + " must be at least 1");
                }
                limits.put(group, limit);
            });
        }
        perMinute = Collections.unmodifiableMap(limits);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, was " + scale);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + share);
        }
        if (!(burstFraction >= 0 && burstFraction <= 1)) {
            throw new IllegalArgumentException("burstFraction must be in [0, 1], was " + burstFraction);
        }
        if (!(windowMargin >= 0 && windowMargin <= 1)) {
            throw new IllegalArgumentException("windowMargin must be in [0, 1], was " + windowMargin);
        }
    }

    /** The documented limits. */
    public static RateLimits documented() {
        return new RateLimits(true, Map.of(), 1.0, 1.0, DEFAULT_BURST_FRACTION, DEFAULT_WINDOW_MARGIN);
    }

    /** No client-side limiting (429s are still honoured). */
    public static RateLimits disabled() {
        return new RateLimits(false, Map.of(), 1.0, 1.0, DEFAULT_BURST_FRACTION, DEFAULT_WINDOW_MARGIN);
    }

    public RateLimits withScale(double newScale) {
        return new RateLimits(enabled, perMinute, newScale, share, burstFraction, windowMargin);
    }

    public RateLimits withShare(double newShare) {
        return new RateLimits(enabled, perMinute, scale, newShare, burstFraction, windowMargin);
    }

    public RateLimits withLimit(EndpointGroup group, int requestsPerMinute) {
        EnumMap<EndpointGroup, Integer> limits = new EnumMap<>(perMinute);
        limits.put(group, requestsPerMinute);
        return new RateLimits(enabled, limits, scale, share, burstFraction, windowMargin);
    }

    public RateLimits withShape(double newBurstFraction, double newWindowMargin) {
        return new RateLimits(enabled, perMinute, scale, share, newBurstFraction, newWindowMargin);
    }

    /** Requests this JVM may send in one window of the group. */
    public long requestsPerWindow(EndpointGroup group) {
        return Math.max(1, (long) Math.floor(perMinute.get(group) * share));
    }

    /** The burst a group's bucket holds: {@code burstFraction} of its per-window requests, at least one. */
    public long burst(EndpointGroup group) {
        return Math.max(1, (long) Math.floor(requestsPerWindow(group) * burstFraction));
    }

    /** Requests per window this JVM sustains in a group once its burst is spent: (limit − burst) / (1 + margin). */
    public double sustainedPerWindow(EndpointGroup group) {
        long perWindow = requestsPerWindow(group);
        return Math.max(1, perWindow - burst(group)) / (1 + windowMargin);
    }

    /** The server's window, shortened by {@code scale}. */
    public Duration window() {
        return Duration.ofNanos(Math.max(1, Math.round(Duration.ofMinutes(1).toNanos() / scale)));
    }
}
