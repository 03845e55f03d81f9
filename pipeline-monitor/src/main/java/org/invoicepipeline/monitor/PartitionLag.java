package org.invoicepipeline.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.common.TopicPartition;

/**
 * The lag of one consumer group on one partition.
 *
 * @param nextOffset the offset the group reads next: its committed offset, or the log start when it has none or
 *                   when retention already deleted past it
 * @param lagRecords records between {@code nextOffset} and the log end
 */
public record PartitionLag(String group, String stage, TopicPartition partition, long nextOffset, long endOffset,
                           long lagRecords) {

    /**
     * @param committed the group's committed offset, if any
     */
    public static PartitionLag of(String group, String stage, TopicPartition partition, OptionalLong committed,
                                  long startOffset, long endOffset) {
        long next = Math.max(startOffset, committed.orElse(startOffset));
        next = Math.min(next, endOffset);
        return new PartitionLag(group, stage, partition, next, endOffset, endOffset - next);
    }

    /**
     * The same partition when nothing a consumer would be handed is left before the end (only transaction
     * markers or aborted records): a transactional topic's committed offset stops before the last commit marker.
     */
    public PartitionLag withNothingToRead() {
        return new PartitionLag(group, stage, partition, nextOffset, endOffset, 0);
    }

    /**
     * Seconds since the oldest unconsumed record was written: 0 without lag; unknown (NaN) when the record's
     * timestamp could not be read.
     */
    public double lagSeconds(Map<TopicPartition, Instant> oldestUnconsumed, Instant now) {
        if (lagRecords == 0) {
            return 0;
        }
        Instant oldest = oldestUnconsumed.get(partition);
        if (oldest == null) {
            return Double.NaN;
        }
        return Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
    }
}
