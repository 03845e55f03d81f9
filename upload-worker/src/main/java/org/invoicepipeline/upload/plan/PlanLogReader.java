package org.invoicepipeline.upload.plan;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the plan log ({@code upload-sessions-planned}) into {@link PlannedFiles}: every partition, committed
 * plans only, without a consumer group and without committing, so it never disturbs the uploader. Reads from
 * the beginning the first time, then on from where it stopped (positions survive a restart of the planner's
 * clients, so a failure does not re-read the whole log). The consumer lives as long as one life of the
 * planner's clients: {@link #close()} ends it, the next call opens a new one at the remembered positions.
 */
final class PlanLogReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlanLogReader.class);

    private final String topic;
    private final Map<String, Object> consumerConfigs;
    private final Duration pollTimeout;
    private final PlannedFiles plannedFiles;
    private final PlannedSessionCodec codec = new PlannedSessionCodec();
    private final Map<TopicPartition, Long> positions = new HashMap<>();

    private volatile KafkaConsumer<String, byte[]> consumer;
    private List<TopicPartition> assigned = List.of();

    PlanLogReader(String topic, Map<String, Object> consumerConfigs, Duration pollTimeout, PlannedFiles plannedFiles) {
        this.topic = topic;
        this.consumerConfigs = consumerConfigs;
        this.pollTimeout = pollTimeout;
        this.plannedFiles = plannedFiles;
    }

    /**
     * Reads every plan committed up to now (the log's last stable offsets), picking up new partitions. Blocks
     * until done; {@link #wakeup()} interrupts it with a {@code WakeupException}.
     */
    void catchUp() {
        KafkaConsumer<String, byte[]> reader = open();
        List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                .toList();
        if (!partitions.equals(assigned)) {
            reader.assign(partitions);
            for (TopicPartition partition : partitions) {
                Long position = positions.get(partition);
                if (position == null) {
                    reader.seekToBeginning(List.of(partition));
                }
                else {
                    reader.seek(partition, position);
                }
            }
            assigned = partitions;
        }
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        int before = plannedFiles.size();
        while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
            apply(reader.poll(pollTimeout));
        }
        partitions.forEach(p -> positions.put(p, reader.position(p)));
        if (plannedFiles.size() != before) {
            log.info("plan log {} read up to {}: {} planned file id(s) known", topic, ends, plannedFiles.size());
        }
    }

    /** Takes in plans committed since the last read (by this or another planner), without waiting. */
    void refresh() {
        KafkaConsumer<String, byte[]> reader = consumer;
        if (reader != null && !assigned.isEmpty()) {
            apply(reader.poll(Duration.ZERO));
        }
    }

    /** Interrupts a blocking {@link #catchUp()}; safe from any thread. */
    void wakeup() {
        KafkaConsumer<String, byte[]> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            try {
                plannedFiles.add(codec.read(record.value()));
            }
            catch (RecordRejectedException e) {
                // not a plan: the uploader dead-letters it; it plans no file
                log.debug("plan log record {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
    }

    private KafkaConsumer<String, byte[]> open() {
        KafkaConsumer<String, byte[]> reader = consumer;
        if (reader == null) {
            Map<String, Object> props = new HashMap<>(consumerConfigs);
            props.remove(ConsumerConfig.GROUP_ID_CONFIG);
            props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "upload-plan-log-" + UUID.randomUUID());
            reader = new KafkaConsumer<>(props);
            consumer = reader;
            assigned = List.of();
        }
        return reader;
    }

    @Override
    public void close() {
        KafkaConsumer<String, byte[]> reader = consumer;
        consumer = null;
        assigned = List.of();
        if (reader != null) {
            reader.close();
        }
    }
}
