package org.invoicepipeline.common.ops;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Feeds {@link StageFlow} with every record a stage's consumers read; never changes the records. */
public class StageConsumerInterceptor<K, V> implements ConsumerInterceptor<K, V> {

    private volatile StageFlow flow;

    @Override
    public void configure(Map<String, ?> configs) {
        flow = StageMeters.from(configs).map(StageMeters::flow).orElse(null);
    }

    @Override
    public ConsumerRecords<K, V> onConsume(ConsumerRecords<K, V> records) {
        StageFlow target = flow;
        if (target != null) {
            try {
                for (ConsumerRecord<K, V> record : records) {
                    target.received(record.topic(), record.timestamp(), record.value());
                }
            }
            catch (RuntimeException e) {
                // Metrics never interfere with consumption.
            }
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
