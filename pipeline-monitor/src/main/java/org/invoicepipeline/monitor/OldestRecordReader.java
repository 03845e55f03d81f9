package org.invoicepipeline.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The write time of the record at a given offset (the oldest one a group has not consumed), read with a consumer
 * that joins no group: assigned to the partition, positioned at the offset, one small fetch. A partition whose
 * offset did not move since the last read is answered from the cache, so a stuck group costs nothing per poll.
 */
final class OldestRecordReader implements AutoCloseable {

    private record Position(TopicPartition partition, long offset) {
    }

    /** From an offset to the log end: a new record moves the end, so the entry no longer matches. */
    private record Range(TopicPartition partition, long offset, long end) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;
    private Map<Position, Instant> cache = new HashMap<>();
    /** Ranges found without a record to read (only markers); cached like the timestamps. */
    private Set<Range> emptyCache = new HashSet<>();

    OldestRecordReader(Map<String, Object> clientConfigs, Duration timeout) {
        Map<String, Object> configs = new HashMap<>(clientConfigs);
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // As the stages read: aborted records are skipped like transaction markers.
        configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        configs.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        configs.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        configs.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "pipeline-monitor-timestamps");
        configs.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(configs, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.timeout = timeout;
    }

    /**
     * What the reader found at the asked offsets.
     *
     * @param written       write time of the first record at or after the offset
     * @param nothingToRead partitions with no record between the offset and the log end: only transaction
     *                      markers (or aborted records) are left, which no consumer will ever be handed
     */
    record Oldest(Map<TopicPartition, Instant> written, Set<TopicPartition> nothingToRead) {
    }

    /**
     * The oldest unconsumed records at {@code offsets}, read within the timeout.
     *
     * @param ends the partitions' end offsets, to tell "only markers left" from "not read yet"
     */
    Oldest read(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> ends) {
        Map<Position, Instant> fresh = new HashMap<>();
        Set<Range> freshEmpty = new HashSet<>();
        Map<TopicPartition, Instant> found = new HashMap<>();
        Set<TopicPartition> nothingToRead = new HashSet<>();
        Set<TopicPartition> missing = new HashSet<>();
        offsets.forEach((partition, offset) -> {
            Position position = new Position(partition, offset);
            Instant cached = cache.get(position);
            Range range = new Range(partition, offset, ends.getOrDefault(partition, -1L));
            if (cached != null) {
                found.put(partition, cached);
                fresh.put(position, cached);
            }
            else if (emptyCache.contains(range)) {
                nothingToRead.add(partition);
                freshEmpty.add(range);
            }
            else {
                missing.add(partition);
            }
        });
        if (!missing.isEmpty()) {
            consumer.assign(missing);
            missing.forEach(partition -> consumer.seek(partition, offsets.get(partition)));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (TopicPartition partition : records.partitions()) {
                    if (!missing.contains(partition)) {
                        continue;
                    }
                    // The first record at or after the offset: transaction markers and compaction leave gaps.
                    ConsumerRecord<byte[], byte[]> first = records.records(partition).get(0);
                    Instant at = Instant.ofEpochMilli(first.timestamp());
                    found.put(partition, at);
                    fresh.put(new Position(partition, offsets.get(partition)), at);
                    missing.remove(partition);
                    consumer.pause(Set.of(partition));
                }
                for (TopicPartition partition : Set.copyOf(missing)) {
                    Long end = ends.get(partition);
                    if (end != null && consumer.position(partition, Duration.ofMillis(200)) >= end) {
                        nothingToRead.add(partition);
                        freshEmpty.add(new Range(partition, offsets.get(partition), end));
                        missing.remove(partition);
                        consumer.pause(Set.of(partition));
                    }
                }
            }
            consumer.assign(Set.of());
        }
        cache = fresh;
        emptyCache = freshEmpty;
        return new Oldest(found, nothingToRead);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
