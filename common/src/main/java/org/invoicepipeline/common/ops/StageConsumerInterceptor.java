package org.invoicepipeline.common.ops;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Feeds {@link StageFlow} with every record a stage's consumers read; never changes the records. */
public class StageConsumerInterceptor<K, V> extends StageFlowInterceptor implements ConsumerInterceptor<K, V> {

    @Override
    public ConsumerRecords<K, V> onConsume(ConsumerRecords<K, V> records) {
        StageFlow target = flow();
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
}
