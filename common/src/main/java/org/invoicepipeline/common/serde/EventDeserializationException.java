package org.invoicepipeline.common.serde;

import java.util.Objects;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record value that could not be read as an event. Being a Kafka {@link SerializationException}, Spring
 * Kafka's {@code ErrorHandlingDeserializer} catches it, and the pipeline routes the record to its dead-letter
 * topic (unless {@link #retryable()}) with {@link #code()} and {@link #retryable()} as headers.
 */
public class EventDeserializationException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final EventDecodingError error;
    private final String topic;

    public EventDeserializationException(EventDecodingError error, String topic, String message, Throwable cause) {
        super(error + " on topic " + topic + ": " + message, cause);
        this.error = Objects.requireNonNull(error, "error");
        this.topic = topic;
    }

    public EventDeserializationException(EventDecodingError error, String topic, String message) {
        this(error, topic, message, null);
    }

    public EventDecodingError error() {
        return error;
    }

    /** The machine-readable code, e.g. {@code UNKNOWN_SCHEMA}. */
    public String code() {
        return error.name();
    }

    public String topic() {
        return topic;
    }

    public boolean retryable() {
        return error.retryable();
    }
}
