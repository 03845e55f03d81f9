package org.invoicepipeline.common.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.invoicepipeline.common.events.EventType;

/** Writes events in Avro single-object encoding with their current schema. */
final class SingleObjectEventSerializer implements Serializer<SpecificRecord> {

    // Keyed by record class: the event type is looked up once per class, not once per record.
    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        if (event == null) {
            return null;
        }
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.computeIfAbsent(event.getClass(),
                SingleObjectEventSerializer::encoder);
        if (encoder == null) {
            throw new SerializationException("not a pipeline event: " + event.getClass().getName() + " (topic "
                    + topic + ")");
        }
        try {
            ByteBuffer encoded = encoder.encode(event);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + event.getSchema().getFullName() + " for topic "
                    + topic + ": " + e.getMessage(), e);
        }
    }

    /** The encoder of a pipeline event class; {@code null} (nothing cached) for any other class. */
    private static BinaryMessageEncoder<SpecificRecord> encoder(Class<?> recordClass) {
        return EventType.forRecordClass(recordClass)
                .map(type -> new BinaryMessageEncoder<SpecificRecord>(SpecificData.getForClass(type.recordClass()),
                        type.schema()))
                .orElse(null);
    }
}
