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

    private final Map<EventType, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        if (event == null) {
            return null;
        }
        EventType type = EventType.forRecordClass(event.getClass()).orElseThrow(() -> new SerializationException(
                "not a pipeline event: " + event.getClass().getName() + " (topic " + topic + ")"));
        try {
            ByteBuffer encoded = encoders.computeIfAbsent(type, SingleObjectEventSerializer::encoder).encode(event);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.schemaName() + " for topic " + topic + ": "
                    + e.getMessage(), e);
        }
    }

    private static BinaryMessageEncoder<SpecificRecord> encoder(EventType type) {
        return new BinaryMessageEncoder<>(SpecificData.getForClass(type.recordClass()), type.schema());
    }
}
