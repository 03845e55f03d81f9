package org.invoicepipeline.ops.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/** How far a consumer group is behind on a topic, and how long its oldest waiting record has waited. */
public final class ConsumerLag {

    /**
     * One group on one topic.
     *
     * @param groupState    the group's state (STABLE, EMPTY, DEAD, ...)
     * @param members       members of the group now
     * @param lag           records after the committed offsets (a partition never committed counts from its start)
     * @param oldestWaiting the timestamp of the oldest record not committed yet, or null with no lag
     */
    public record Lag(String groupState, int members, long lag, Instant oldestWaiting) {
    }

    private final KafkaAccess kafka;

    public ConsumerLag(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    /** The lag of {@code group} on {@code topic}; null when the topic does not exist. */
    public Lag of(String group, String topic) {
        if (!kafka.topics().contains(topic)) {
            return null;
        }
        Admin admin = kafka.admin();
        ConsumerGroupDescription description = kafka.await(admin.describeConsumerGroups(List.of(group))
                .describedGroups().get(group), "describe consumer group " + group);
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.await(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata(), "read the offsets of consumer group " + group);
        List<TopicPartitionInfo> infos = kafka.await(admin.describeTopics(List.of(topic)).allTopicNames(),
                "describe topic " + topic).get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicPartitionInfo info : infos) {
            latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
            earliest.put(new TopicPartition(topic, info.partition()), OffsetSpec.earliest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = kafka.await(
                admin.listOffsets(latest).all(), "read the end offsets of " + topic);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = kafka.await(
                admin.listOffsets(earliest).all(), "read the start offsets of " + topic);
        long lag = 0;
        Map<TopicPartition, Long> waitingFrom = new HashMap<>();
        for (TopicPartition partition : latest.keySet()) {
            OffsetAndMetadata offset = committed.get(partition);
            long from = offset == null ? starts.get(partition).offset() : offset.offset();
            long end = ends.get(partition).offset();
            if (end > from) {
                lag += end - from;
                waitingFrom.put(partition, from);
            }
        }
        return new Lag(String.valueOf(description.groupState()), description.members().size(), lag,
                oldest(waitingFrom));
    }

    /** The earliest timestamp among the records at the given offsets (one read per partition). */
    private Instant oldest(Map<TopicPartition, Long> waitingFrom) {
        if (waitingFrom.isEmpty()) {
            return null;
        }
        Instant oldest = null;
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.newConsumer()) {
            consumer.assign(new ArrayList<>(waitingFrom.keySet()));
            waitingFrom.forEach(consumer::seek);
            Map<TopicPartition, Boolean> seen = new HashMap<>();
            long deadline = System.nanoTime() + kafka.timeout().toNanos();
            while (seen.size() < waitingFrom.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (seen.putIfAbsent(partition, true) == null) {
                        Instant at = Instant.ofEpochMilli(record.timestamp());
                        oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
                        consumer.pause(List.of(partition));
                    }
                }
            }
        }
        return oldest;
    }
}
