package org.invoicepipeline.client.ratelimit;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter's reserve (burst fraction, window margin) on a simulated clock: a caller takes every permit the moment
 * it exists, each request reaches the server anywhere from on time to a full margin late, and the server counts in
 * sliding windows and in fixed windows at several offsets. No window may hold more than the limit, while the
 * sustained rate is (limit − burst) / (1 + margin).
 */
class RateLimitReserveTest {

    private static final int WINDOWS = 20;

    @ParameterizedTest(name = "{0}: burst {1}, margin {2}")
    @CsvSource({
            // the defaults on every kind of group: 600 shared, 120, 60, 30, 20
            "UPLOADS, 0.01, 0.01", "STATUS, 0.01, 0.01", "CREDITS, 0.01, 0.01", "SUBMIT, 0.01, 0.01",
            "IMPORT, 0.01, 0.01",
            // the example and the former fixed reserve
            "UPLOADS, 0.02, 0.01", "UPLOADS, 0.1, 0.1",
            // extremes: no reserve at all (no lateness tolerated), a full-window burst, a large margin
            "UPLOADS, 0, 0", "UPLOADS, 1, 0.01", "SUBMIT, 0.5, 0.5"})
    void noServerWindowEverSeesMoreThanTheLimit(EndpointGroup group, double burst, double margin) {
        RateLimits limits = RateLimits.documented().withShape(burst, margin);
        long window = limits.window().toNanos();
        List<Long> arrivals = greedyArrivals(limits, group, window, (long) (window * margin), new Random(15));

        int limit = group.documentedPerMinute();
        assertThat(maxInSlidingWindow(arrivals, window)).as("sliding window").isLessThanOrEqualTo(limit);
        for (int offset = 0; offset < 4; offset++) {
            assertThat(maxInFixedWindows(arrivals, window, offset * window / 4)).as("fixed windows, offset %d/4", offset)
                    .isLessThanOrEqualTo(limit);
        }
        // after the first window the rate is the refill's: (limit - burst) / (1 + margin) per window
        long late = arrivals.stream().filter(t -> t >= window && t < WINDOWS * window).count();
        assertThat(late / (double) (WINDOWS - 1)).as("sustained requests per window")
                .isCloseTo(limits.sustainedPerWindow(group), org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void theDefaultsSustainAtLeast97PercentOfTheUploadLimit() {
        RateLimits limits = RateLimits.documented();

        assertThat(limits.burstFraction()).isEqualTo(0.01);
        assertThat(limits.windowMargin()).isEqualTo(0.01);
        assertThat(limits.burst(EndpointGroup.UPLOADS)).isEqualTo(6);
        // 594 / 1.01 = 588.1 of 600
        assertThat(limits.sustainedPerWindow(EndpointGroup.UPLOADS) / 600).isGreaterThanOrEqualTo(0.97);
        // the former 10 % + 10 %: 540 / 1.1 = 490.9, the 0.818 the issue measured
        assertThat(limits.withShape(0.1, 0.1).sustainedPerWindow(EndpointGroup.UPLOADS))
                .isCloseTo(490.9, org.assertj.core.data.Offset.offset(0.1));
    }

    /** Arrival times at the server of every permit a greedy caller gets over {@link #WINDOWS} windows. */
    private static List<Long> greedyArrivals(RateLimits limits, EndpointGroup group, long window, long maxLateness,
                                             Random random) {
        SimulatedTime time = new SimulatedTime();
        RateLimiter limiter = new RateLimiter(limits, time);
        List<Long> arrivals = new ArrayList<>();
        // a blocking caller: it wakes exactly when the next permit exists and takes it
        for (long now = 0; now < WINDOWS * window; now += Math.max(1, limiter.nanosToNextPermit(group))) {
            time.now = now;
            while (limiter.tryAcquire(group)) {
                // the worst cases (a full margin late, on time) and everything between
                long lateness = switch (arrivals.size() % 3) {
                    case 0 -> maxLateness;
                    case 1 -> 0;
                    default -> maxLateness == 0 ? 0 : random.nextLong(maxLateness + 1);
                };
                arrivals.add(now + lateness);
            }
        }
        arrivals.sort(Long::compare);
        return arrivals;
    }

    private static int maxInSlidingWindow(List<Long> sortedArrivals, long window) {
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

    private static int maxInFixedWindows(List<Long> sortedArrivals, long window, long offset) {
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        for (long arrival : sortedArrivals) {
            counts.merge(Math.floorDiv(arrival - offset, window), 1, Integer::sum);
        }
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
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
