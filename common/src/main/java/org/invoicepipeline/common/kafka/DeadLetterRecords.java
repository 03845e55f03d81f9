package org.invoicepipeline.common.kafka;

import java.nio.ByteBuffer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Builds dead-letter records and their headers. The error handler uses {@link #pipelineHeaders} on top of
 * Spring's; a stage with its own consumer loop (the upload planner) uses {@link #toDeadLetter} directly,
 * which also adds the {@code kafka_dlt-original-*} headers so both kinds of dead letter read alike.
 */
public final class DeadLetterRecords {

    /** Suffix of every stage's dead-letter topic, Spring Kafka's default naming. */
    public static final String SUFFIX = ".DLT";

    private DeadLetterRecords() {
    }

    /** {@code <topic>.DLT}. */
    public static String topicFor(String inputTopic) {
        return inputTopic + SUFFIX;
    }

    /** The {@code x-*} headers describing why {@code stage} gave up after {@code attempts} deliveries. */
    public static Headers pipelineHeaders(String stage, StageFailure failure, int attempts) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(PipelineHeaders.STAGE, PipelineHeaders.utf8(stage));
        headers.add(PipelineHeaders.ERROR_CODE, PipelineHeaders.utf8(failure.code()));
        headers.add(PipelineHeaders.ERROR_MESSAGE, PipelineHeaders.utf8(failure.message()));
        headers.add(PipelineHeaders.ERROR_RETRYABLE, PipelineHeaders.utf8(Boolean.toString(failure.retryable())));
        headers.add(PipelineHeaders.ATTEMPTS, PipelineHeaders.utf8(Integer.toString(attempts)));
        return headers;
    }

    /**
     * A dead letter for {@code record} on {@code <topic>.DLT}: the same key and value (pass the raw bytes for
     * a record that could not be decoded), its headers without Spring's deserialization-exception blobs, the
     * original coordinates and the pipeline headers. The partition is left to the producer.
     */
    public static <K, V> ProducerRecord<K, V> toDeadLetter(ConsumerRecord<?, ?> record, K key, V value, String stage,
                                                           StageFailure failure, int attempts) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
        headers.remove(SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER);
        headers.remove(OriginalValueDeserializer.HEADER);
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, PipelineHeaders.utf8(record.topic()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
        pipelineHeaders(stage, failure, attempts).forEach(headers::add);
        return new ProducerRecord<>(topicFor(record.topic()), null, key, value, headers);
    }
}
