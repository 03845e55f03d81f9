package org.invoicepipeline.client.ratelimit;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the limiter with a simulated clock and a caller that takes every permit the moment it exists, then
 * checks the server's view: no window of the server's length holds more requests than the documented limit,
 * even when each request reaches the server up to the margin late while the next ones arrive on time.
 */
class RateLimiterShapingTest {

    @ParameterizedTest
    @EnumSource(EndpointGroup.class)
    void aGreedyCallerNeverExceedsTheLimitInAnyWindow(EndpointGroup group) {
        RateLimits limits = RateLimits.documented().withScale(60);
        long window = limits.window().toNanos();
        long lateness = (long) (window * limits.windowMargin() * 0.9);
        SimulatedTime time = new SimulatedTime();
        RateLimiter limiter = new RateLimiter(limits, time);

        List<Long> arrivals = new ArrayList<>();
        long step = window / 2000;
        for (long now = 0; now < 5 * window; now += step) {
            time.now = now;
            while (limiter.tryAcquire(group)) {
                // the first permit of every burst arrives late, the rest on time: the worst case for the server
                arrivals.add(arrivals.isEmpty() || arrivals.size() % 7 == 0 ? now + lateness : now);
            }
        }

        arrivals.sort(Long::compare);
        int limit = group.documentedPerMinute();
        assertThat(maxInAnyWindow(arrivals, window)).isLessThanOrEqualTo(limit);
        assertThat(arrivals.size()).as("throughput over 5 windows")
                .isGreaterThan((int) (limit * 5 * 0.8));
    }

    @Test
    void aShareReservesOnlyPartOfTheBudget() {
        RateLimits limits = RateLimits.documented().withShare(0.25);

        assertThat(limits.requestsPerWindow(EndpointGroup.UPLOADS)).isEqualTo(150);
        assertThat(limits.requestsPerWindow(EndpointGroup.IMPORT)).isEqualTo(5);
        assertThat(limits.window()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void sharesOneLimiterPerKeyAndBaseUrl() {
        RateLimiter first = RateLimiterRegistry.forKey("http://shared.test/v1", "key-a", RateLimits.documented());

        assertThat(RateLimiterRegistry.forKey("http://shared.test/v1", "key-a", RateLimits.documented()))
                .isSameAs(first);
        assertThat(RateLimiterRegistry.forKey("http://shared.test/v1", "key-b", RateLimits.documented()))
                .isNotSameAs(first);
        assertThat(RateLimiterRegistry.keyFingerprint("key-a")).doesNotContain("key-a").hasSize(12);
    }

    private static int maxInAnyWindow(List<Long> sortedArrivals, long window) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < sortedArrivals.size(); end++) {
            while (sortedArrivals.get(end) - sortedArrivals.get(start) >= window) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    private static final class SimulatedTime implements TimeMeter {
        long now;

        @Override
        public long currentTimeNanos() {
            return now;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
