package org.invoicepipeline.monitor;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionLagTest {

    private static final TopicPartition PARTITION = new TopicPartition("parts-uploaded", 0);
    private static final Instant NOW = Instant.parse("2026-07-01T09:10:00Z");

    @ParameterizedTest(name = "committed={0} start={1} end={2} -> next {3}, lag {4}")
    @CsvSource({
            // committed, start, end, next, lag
            "5,   0,  12, 5,  7",   // a normal backlog
            "12,  0,  12, 12, 0",   // caught up
            "-1,  0,  12, 0,  12",  // never committed: everything from the log start waits
            "-1,  4,  12, 4,  8",   // never committed, retention deleted the first records
            "2,   4,  12, 4,  8",   // retention deleted past the committed offset
            "-1,  0,  0,  0,  0",   // empty topic
    })
    void lagCountsTheRecordsTheGroupHasNotConsumed(long committed, long start, long end, long next, long lag) {
        PartitionLag partitionLag = PartitionLag.of("submit-worker", "submit", PARTITION,
                committed < 0 ? OptionalLong.empty() : OptionalLong.of(committed), start, end);

        assertThat(partitionLag.nextOffset()).isEqualTo(next);
        assertThat(partitionLag.lagRecords()).isEqualTo(lag);
    }

    @ParameterizedTest(name = "lag {0}, oldest written {1}s ago -> {2}")
    @CsvSource({
            "3, 90,  90.0",
            "0, 90,  0.0",
            "3, -1,  NaN",
    })
    void lagSecondsIsTheAgeOfTheOldestUnconsumedRecord(long lag, long ageSeconds, double expected) {
        PartitionLag partitionLag = PartitionLag.of("g", "submit", PARTITION, OptionalLong.of(10), 0, 10 + lag);
        Map<TopicPartition, Instant> oldest = ageSeconds < 0 ? Map.of() : Map.of(PARTITION, NOW.minusSeconds(ageSeconds));

        assertThat(Double.compare(partitionLag.lagSeconds(oldest, NOW), expected)).as("%s", partitionLag.lagSeconds(oldest, NOW)).isZero();
    }
}
