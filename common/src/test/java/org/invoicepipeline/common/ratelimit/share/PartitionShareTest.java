package org.invoicepipeline.common.ratelimit.share;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PartitionShareTest {

    @ParameterizedTest(name = "{0} of {1} partitions -> {2}")
    @CsvSource({
            "0, 12, 0",
            "4, 12, 0.333333",
            "6, 12, 0.5",
            "12, 12, 1",
            "5, 12, 0.416667",
            "13, 12, 1",      // a stale count after partitions were removed never exceeds everything
            "3, 0, 0",        // topic size not known yet
            "-1, 12, 0"})
    void shareIsOwnedOverAll(int owned, int total, double expected) {
        assertThat(PartitionShare.of(owned, total)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void overSeveralTopicsCountsDistinctKnownPartitions() {
        Map<String, List<Integer>> owned = Map.of("a", List.of(0, 1, 1, 7), "b", List.of(2), "unknown", List.of(0));
        Map<String, Integer> totals = Map.of("a", 6, "b", 2);
        // a: 0 and 1 (7 is out of range, 1 counted once); b: 2 is out of range -> 2 of 8
        assertThat(PartitionShare.of(owned, totals)).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void threeInstancesWithTwelvePartitionsSplitIntoShareThatSumToOne() {
        int[][] assignments = {{4, 4, 4}, {5, 4, 3}, {6, 6, 0}, {12, 0, 0}};
        for (int[] assignment : assignments) {
            double sum = 0;
            for (int owned : assignment) {
                sum += PartitionShare.of(owned, 12);
            }
            assertThat(sum).as("%s", java.util.Arrays.toString(assignment)).isCloseTo(1.0, within(1e-9));
        }
    }
}
