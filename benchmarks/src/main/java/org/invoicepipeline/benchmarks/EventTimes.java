package org.invoicepipeline.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.local.run.PipelineTopics;

/**
 * Per extraction: when the poll stage saw it complete ({@code ExtractionCompleted.completed_at}, a long-poll answer
 * moments after the API's completion) and when its last file's {@code ExtractionResult} was produced.
 */
final class EventTimes {

    private EventTimes() {
    }

    /** Seconds from completion to the last result, one value per extraction that has both. */
    static List<Double> completionToResultSeconds(String bootstrapServers) {
        Map<String, Instant> completed = new HashMap<>();
        Map<String, Instant> lastResult = new HashMap<>();
        EventDeserializer<ExtractionCompleted> completions = new EventDeserializer<>(ExtractionCompleted.class);
        EventDeserializer<ExtractionResult> results = new EventDeserializer<>(ExtractionResult.class);
        completions.configure(Map.of(), false);
        results.configure(Map.of(), false);
        for (ConsumerRecord<String, byte[]> record : readAll(bootstrapServers, PipelineTopics.EXTRACTION_COMPLETED)) {
            ExtractionCompleted event = completions.deserialize(record.topic(), record.value());
            if (event.getExtractionId() == null) {
                continue;
            }
            completed.merge(event.getExtractionId(), event.getCompletedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        for (ConsumerRecord<String, byte[]> record : readAll(bootstrapServers, PipelineTopics.EXTRACTION_RESULTS)) {
            ExtractionResult event = results.deserialize(record.topic(), record.value());
            if (event.getExtractionId() != null) {
                lastResult.merge(event.getExtractionId(), event.getProducedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<Double> seconds = new ArrayList<>();
        completed.forEach((id, at) -> {
            Instant result = lastResult.get(id);
            if (result != null) {
                seconds.add(Duration.between(at, result).toMillis() / 1000.0);
            }
        });
        seconds.sort(Double::compare);
        return seconds;
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var batch = consumer.poll(Duration.ofSeconds(2));
                if (batch.isEmpty()) {
                    emptyPolls++;
                }
                else {
                    emptyPolls = 0;
                    batch.forEach(records::add);
                }
            }
        }
        return records;
    }

    /** The value below which {@code fraction} of the sorted values lie (nearest rank). */
    static double percentile(List<Double> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
    }
}
