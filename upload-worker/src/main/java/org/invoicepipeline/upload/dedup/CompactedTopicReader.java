package org.invoicepipeline.upload.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads whole compacted state topics, every partition, committed records only, without a consumer group and
 * without committing: the first {@link #catchUp()} from the beginning, later ones from where it stopped. Used by
 * one thread.
 */
final class CompactedTopicReader implements AutoCloseable {

    private final List<String> topics;
    private final Map<String, Object> consumerConfigs;
    private final Duration pollTimeout;
    private final Consumer<ConsumerRecord<String, byte[]>> apply;
    private final Function<Map<String, Object>, org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers;
    private org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private List<TopicPartition> assigned = List.of();

    CompactedTopicReader(List<String> topics, Map<String, Object> consumerConfigs, Duration pollTimeout,
                         Consumer<ConsumerRecord<String, byte[]>> apply) {
        this(topics, consumerConfigs, pollTimeout, apply, KafkaConsumer::new);
    }

    /** A reader whose consumer comes from {@code consumers} (given the configs; tests pass a mock). */
    CompactedTopicReader(List<String> topics, Map<String, Object> consumerConfigs, Duration pollTimeout,
                         Consumer<ConsumerRecord<String, byte[]>> apply,
                         Function<Map<String, Object>, org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers) {
        this.consumers = consumers;
        this.topics = List.copyOf(topics);
        this.consumerConfigs = consumerConfigs;
        this.pollTimeout = pollTimeout;
        this.apply = apply;
    }

    /** Applies every record committed up to now (the partitions' end offsets when called). */
    void catchUp() {
        org.apache.kafka.clients.consumer.Consumer<String, byte[]> reader = open();
        Map<TopicPartition, Long> ends = reader.endOffsets(assigned);
        while (assigned.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
            reader.poll(pollTimeout).forEach(apply);
        }
    }

    private org.apache.kafka.clients.consumer.Consumer<String, byte[]> open() {
        if (consumer != null && assigned.isEmpty()) {
            close(); // the topics did not exist yet when opened: look again
        }
        if (consumer == null) {
            Map<String, Object> props = new HashMap<>(consumerConfigs);
            props.remove(ConsumerConfig.GROUP_ID_CONFIG);
            props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "upload-dedup-state-" + UUID.randomUUID());
            consumer = consumers.apply(props);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assigned = List.copyOf(partitions);
        }
        return consumer;
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
            assigned = List.of();
        }
    }
}
