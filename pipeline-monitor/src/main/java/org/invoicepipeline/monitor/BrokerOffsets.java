package org.invoicepipeline.monitor;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** What the monitor reads from the brokers with the admin client: topics, partitions, offsets. */
final class BrokerOffsets {

    private final Admin admin;
    private final long timeoutMillis;

    BrokerOffsets(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeoutMillis = timeout.toMillis();
    }

    Set<String> topicNames() throws Exception {
        return get(admin.listTopics(new ListTopicsOptions().listInternal(false)).names());
    }

    /** Partitions of the topics that exist (missing ones are skipped). */
    Set<TopicPartition> partitionsOf(Collection<String> topics) throws Exception {
        Set<TopicPartition> partitions = new HashSet<>();
        if (topics.isEmpty()) {
            return partitions;
        }
        Map<String, TopicDescription> descriptions = get(admin.describeTopics(topics).allTopicNames());
        descriptions.values().forEach(description -> description.partitions()
                .forEach(info -> partitions.add(new TopicPartition(description.name(), info.partition()))));
        return partitions;
    }

    Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (request.isEmpty()) {
            return offsets;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(admin.listOffsets(request).all());
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /**
     * The groups' committed offsets, all groups in one request; a group that never committed maps to an empty map.
     */
    Map<String, Map<TopicPartition, Long>> committed(Collection<String> groups) throws Exception {
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        if (groups.isEmpty()) {
            return committed;
        }
        Map<String, ListConsumerGroupOffsetsSpec> request = new HashMap<>();
        groups.forEach(group -> request.put(group, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> result = get(admin.listConsumerGroupOffsets(request).all());
        for (String group : groups) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> found = result.get(group);
            if (found != null) {
                // A partition without a commit may be listed with a null offset.
                found.forEach((partition, offset) -> {
                    if (offset != null) {
                        offsets.put(partition, offset.offset());
                    }
                });
            }
            committed.put(group, offsets);
        }
        return committed;
    }

    private <T> T get(KafkaFuture<T> future) throws Exception {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    static List<String> deadLetterTopics(Set<String> topics, Collection<String> configured) {
        Set<String> all = new TreeSet<>(configured);
        topics.stream().filter(name -> name.endsWith(".DLT")).forEach(all::add);
        all.retainAll(topics);
        return List.copyOf(all);
    }
}
