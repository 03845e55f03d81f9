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

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;
    private Map<Position, Instant> cache = new HashMap<>();

    OldestRecordReader(Map<String, Object> clientConfigs, Duration timeout) {
        Map<String, Object> configs = new HashMap<>(clientConfigs);
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        configs.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        configs.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "pipeline-monitor-timestamps");
        configs.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(configs, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.timeout = timeout;
    }

    /** Write times of the records at {@code offsets}, where they could be read within the timeout. */
    Map<TopicPartition, Instant> timestampsAt(Map<TopicPartition, Long> offsets) {
        Map<Position, Instant> fresh = new HashMap<>();
        Map<TopicPartition, Instant> found = new HashMap<>();
        Set<TopicPartition> missing = new HashSet<>();
        offsets.forEach((partition, offset) -> {
            Instant cached = cache.get(new Position(partition, offset));
            if (cached != null) {
                found.put(partition, cached);
                fresh.put(new Position(partition, offset), cached);
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
            }
            consumer.assign(Set.of());
        }
        cache = fresh;
        return found;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
