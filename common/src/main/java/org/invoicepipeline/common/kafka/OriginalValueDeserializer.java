package org.invoicepipeline.common.kafka;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the bytes a decoded event was read from in the consumer record's header {@link #HEADER}, so a dead letter
 * carries exactly the original bytes instead of a re-serialization (which differs for an older writer schema, a
 * registry content id, or map entries in another order). Only the consumer-side copy of the headers is touched;
 * the dead-letter publisher removes the header again. The bytes are the array the consumer already allocated: no
 * copy is made.
 */
public final class OriginalValueDeserializer<T> implements Deserializer<T> {

    /** Consumer-side header holding a decoded event's original bytes; never published. */
    public static final String HEADER = "x-pipeline-original-value";

    private final Deserializer<T> delegate;

    public OriginalValueDeserializer(Deserializer<T> delegate) {
        this.delegate = delegate;
    }

    /** The original bytes of {@code headers}' record, if an {@link OriginalValueDeserializer} kept them. */
    public static byte @Nullable [] originalValue(Headers headers) {
        var header = headers.lastHeader(HEADER);
        return header == null ? null : header.value();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return delegate.deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        T value = delegate.deserialize(topic, headers, data);
        if (value instanceof SpecificRecord && data != null) {
            headers.remove(HEADER);
            headers.add(HEADER, data);
        }
        return value;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
