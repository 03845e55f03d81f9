package org.invoicepipeline.common.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Consumer-side wiring that keeps a poison record from blocking a partition: the event deserializer is
 * wrapped in Spring's {@link ErrorHandlingDeserializer}, which turns a decoding failure into a record with a
 * null value and the failure in a header; the container hands it to the stage's error handler, which
 * dead-letters the raw bytes ({@link StageErrorHandlers}).
 */
public final class ErrorHandlingDeserializers {

    private ErrorHandlingDeserializers() {
    }

    /**
     * {@code delegate} behind an {@link ErrorHandlingDeserializer}; a decoded event keeps its original bytes
     * ({@link OriginalValueDeserializer}) for its dead letter.
     */
    public static <T> Deserializer<T> wrap(Deserializer<T> delegate) {
        return new ErrorHandlingDeserializer<>(new OriginalValueDeserializer<>(delegate));
    }

    /**
     * Consumer properties selecting string keys and {@code valueDeserializer} behind an
     * {@link ErrorHandlingDeserializer}, for factories configured by class name (e.g. Spring Boot's
     * {@code spring.kafka.consumer.*}).
     */
    public static Map<String, Object> consumerProperties(Class<? extends Deserializer<?>> valueDeserializer) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        props.put(ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        props.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, valueDeserializer);
        return props;
    }
}
