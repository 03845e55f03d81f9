package org.invoicepipeline.common.ratelimit.share;

import io.github.bucket4j.TimeMeter;
import org.invoicepipeline.client.ratelimit.EndpointGroup;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The buckets of one instance on a simulated clock: what they grant per window for a share, and after a 429. */
class PartitionSharePermitsTest {

    /** 600 uploads per (1 s) window, a burst of one, no margin: about 600 × share permits per window. */
    private static final RateLimits LIMITS = RateLimits.documented().withScale(60).withShape(0, 0);
    private static final long WINDOW = 1_000_000_000L;

    private final SimulatedTime time = new SimulatedTime();

    @ParameterizedTest(name = "fraction {0}: {1} permits in the next window")
    @CsvSource({"1, 599", "0.5, 299", "0.333333333, 198", "0.25, 149", "0, 1"})
    void grantsTheFractionOfTheLimitPerWindow(double fraction, int expected) {
        PartitionSharePermits permits = new PartitionSharePermits(LIMITS, Aimd.halving(0.1), time, 1);
        permits.divide(Map.of(EndpointGroup.UPLOADS, fraction));
        drain(permits);
        assertThat(overOneWindow(permits)).isBetween(expected * 97 / 100, expected + 1);
    }

    @Test
    void aRebalanceReDividesAtOnce() {
        PartitionSharePermits permits = new PartitionSharePermits(LIMITS, Aimd.halving(0.1), time, 1.0 / 3);
        drain(permits);
        permits.divide(Map.of(EndpointGroup.UPLOADS, 0.5)); // a member left: 6 of 12 partitions instead of 4
        assertThat(permits.share(EndpointGroup.UPLOADS)).isCloseTo(0.5, within(1e-9));
        assertThat(overOneWindow(permits)).isBetween(290, 300);
    }

    @Test
    void a429HalvesTheRateAndItRecoversAdditively() {
        PartitionSharePermits permits = new PartitionSharePermits(LIMITS, Aimd.halving(0.1), time, 0.5);
        permits.rateLimited(EndpointGroup.UPLOADS);
        assertThat(permits.share(EndpointGroup.UPLOADS)).isCloseTo(0.25, within(1e-9));
        permits.rateLimited(EndpointGroup.UPLOADS); // in flight with the first: counted once
        assertThat(permits.factor(EndpointGroup.UPLOADS)).isCloseTo(0.5, within(1e-9));
        drain(permits);
        assertThat(overOneWindow(permits)).as("permits in the window after the 429 (recovering)").isBetween(145, 180);
        time.advance(4 * WINDOW);
        assertThat(permits.factor(EndpointGroup.UPLOADS)).isCloseTo(1.0, within(1e-9));
        drain(permits);
        assertThat(overOneWindow(permits)).as("permits once recovered").isBetween(290, 300);
        assertThat(permits.share(EndpointGroup.CREDITS)).as("other groups untouched").isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theConfiguredShareCapsTheDivision() {
        RateLimits halfTheKey = LIMITS.withShare(0.5); // other users of the key keep half
        PartitionSharePermits permits = new PartitionSharePermits(halfTheKey, Aimd.halving(0.1), time, 0.5);
        assertThat(permits.share(EndpointGroup.UPLOADS)).isCloseTo(0.25, within(1e-9));
    }

    /** Draws everything available every 0.1 ms for one window (a burst of one
     * loses a little where a step refills more than the one permit it holds: a few percent). */
    private int overOneWindow(PartitionSharePermits permits) {
        int granted = 0;
        for (int step = 0; step < 10_000; step++) {
            time.advance(WINDOW / 10_000);
            granted += drain(permits);
        }
        return granted;
    }

    private static int drain(PartitionSharePermits permits) {
        int granted = 0;
        while (permits.tryAcquire(EndpointGroup.UPLOADS)) {
            granted++;
        }
        return granted;
    }

    static final class SimulatedTime implements TimeMeter {
        private long nanos;

        void advance(long by) {
            nanos += by;
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
