package org.invoicepipeline.common.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads committed records of some topics from the beginning, in the background, for assertions. */
public final class TopicRecorder implements AutoCloseable {

    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public TopicRecorder(String bootstrapServers, List<String> topics, int partitions) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<TopicPartition> assignment = new ArrayList<>();
        topics.forEach(t -> {
            for (int p = 0; p < partitions; p++) {
                assignment.add(new TopicPartition(t, p));
            }
        });
        thread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
                consumer.assign(assignment);
                consumer.seekToBeginning(assignment);
                while (running) {
                    consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                }
            }
        }, "topic-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    public List<ConsumerRecord<String, byte[]>> on(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).collect(Collectors.toList());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
