package org.invoicepipeline.ops.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsException;

/**
 * Reads what some topics hold from a point in time up to their end as it was when the scan began: bounded by
 * {@code --since} at the start and by the end offsets at the end, so a scan of a busy topic still finishes. Topics
 * that do not exist are skipped (a dead-letter topic appears with its first dead letter).
 */
public final class TopicScanner {

    private final KafkaAccess kafka;

    public TopicScanner(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    /** The committed records of the existing {@code topics} written at or after {@code since}, in no global order. */
    public List<ConsumerRecord<byte[], byte[]>> scan(Collection<String> topics, Instant since) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<String> existing = topics.stream().filter(kafka.topics()::contains).distinct().toList();
        if (existing.isEmpty()) {
            return records;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.newConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : existing) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> timestamps = new HashMap<>();
            partitions.forEach(p -> timestamps.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(timestamps);
            List<TopicPartition> pending = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp first = start.get(partition);
                long from = first == null ? end.get(partition) : first.offset();
                consumer.seek(partition, from);
                if (from < end.get(partition)) {
                    pending.add(partition);
                }
            }
            long deadline = System.nanoTime() + kafka.timeout().toNanos() * 4;
            while (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new OpsException(ExitCodes.BROKER_UNAVAILABLE, "reading " + existing + " did not finish"
                            + " within " + kafka.timeout().multipliedBy(4).toSeconds() + " s; narrow it with --since");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
                pending.removeIf(p -> consumer.position(p) >= end.get(p));
                consumer.pause(partitions.stream().filter(p -> !pending.contains(p)).toList());
            }
        }
        return records;
    }
}
