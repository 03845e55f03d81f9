package org.invoicepipeline.common.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Spring's dead-letter publisher as a stage uses it: to {@code <topic>.DLT} (partition chosen by the producer),
 * Spring's {@code kafka_dlt-*} headers plus the {@link PipelineHeaders} of the failure the stage decided on, and
 * the record's original bytes as the value — those an {@link OriginalValueDeserializer} kept, or the raw bytes of
 * an undecodable record — so every dead letter of a topic has one shape whatever failed.
 */
final class StageDeadLetterPublisher extends DeadLetterPublishingRecoverer {

    /** The failure being dead-lettered on this consumer thread, as the stage described it (e.g. naming files). */
    private final ThreadLocal<StageFailure> current = new ThreadLocal<>();

    StageDeadLetterPublisher(KafkaOperations<?, ?> template, String stage, DeliveryAttempts attempts) {
        super(template, (record, exception) -> new TopicPartition(DeadLetterRecords.topicFor(record.topic()), -1));
        setHeadersFunction((record, exception) ->
                DeadLetterRecords.pipelineHeaders(stage, failureOf(exception), attempts.of(record)));
        setLogRecoveryRecord(false);
    }

    /** Dead-letters {@code record} with {@code failure} in its {@code x-error-*} headers. */
    void publish(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception,
                 StageFailure failure) {
        current.set(failure);
        try {
            accept(record, consumer, exception);
        }
        finally {
            current.remove();
        }
    }

    private StageFailure failureOf(Exception exception) {
        StageFailure failure = current.get();
        return failure != null ? failure : FailureClassifier.classify(exception);
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
            TopicPartition topicPartition, Headers headers, byte @Nullable [] key, byte @Nullable [] value) {
        byte[] original = OriginalValueDeserializer.originalValue(headers);
        headers.remove(OriginalValueDeserializer.HEADER);
        return super.createProducerRecord(record, topicPartition, headers, key, value != null ? value : original);
    }
}
