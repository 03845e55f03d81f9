package org.invoicepipeline.common.ops;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Feeds {@link StageFlow} with every record a stage's producers write; never changes the records. */
public class StageProducerInterceptor<K, V> extends StageFlowInterceptor implements ProducerInterceptor<K, V> {

    @Override
    public ProducerRecord<K, V> onSend(ProducerRecord<K, V> record) {
        StageFlow target = flow();
        if (target != null) {
            try {
                target.sending(record.topic(), record.value());
            }
            catch (RuntimeException e) {
                // Metrics never interfere with producing.
            }
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        StageFlow target = flow();
        if (target != null && exception == null && metadata != null) {
            target.written(metadata.topic());
        }
    }
}
