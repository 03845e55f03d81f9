package org.invoicepipeline.ops.kafka;

import java.util.EnumMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.invoicepipeline.common.events.EventType;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;

/**
 * Reads and writes pipeline events with common's serdes, configured as the workers' ({@code single-object} or
 * {@code registry} mode): one deserializer per event type, so a value of another type is refused as it would be
 * by the stage.
 */
public final class EventCodec implements AutoCloseable {

    private final Map<String, ?> serdeConfig;
    private final Map<EventType, EventDeserializer<SpecificRecord>> decoders = new EnumMap<>(EventType.class);
    private EventSerializer<SpecificRecord> encoder;

    /** @param serdeConfig the serde properties ({@code invoicepipeline.serde.mode}, {@code apicurio.registry.url}) */
    public EventCodec(Map<String, ?> serdeConfig) {
        this.serdeConfig = Map.copyOf(serdeConfig);
    }

    /** The event of type {@code type} in {@code value}; throws the serde's exception when it is not one. */
    @SuppressWarnings("unchecked")
    public synchronized <T extends SpecificRecord> T decode(EventType type, String topic, Headers headers, byte[] value) {
        EventDeserializer<SpecificRecord> decoder = decoders.computeIfAbsent(type, t -> {
            EventDeserializer<SpecificRecord> created = new EventDeserializer<>((Class<SpecificRecord>) t.recordClass());
            created.configure(serdeConfig, false);
            return created;
        });
        return (T) decoder.deserialize(topic, headers, value);
    }

    /** As {@link #decode}, or null when the value is not a readable event of {@code type}. */
    public <T extends SpecificRecord> T decodeOrNull(EventType type, String topic, Headers headers, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return decode(type, topic, headers, value);
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    public synchronized byte[] encode(String topic, Headers headers, SpecificRecord event) {
        if (encoder == null) {
            encoder = new EventSerializer<>();
            encoder.configure(serdeConfig, false);
        }
        return encoder.serialize(topic, headers, event);
    }

    @Override
    public synchronized void close() {
        decoders.values().forEach(EventDeserializer::close);
        if (encoder != null) {
            encoder.close();
        }
    }
}
