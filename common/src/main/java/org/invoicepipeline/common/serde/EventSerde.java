package org.invoicepipeline.common.serde;

import java.util.Map;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link EventSerializer} and {@link EventDeserializer} of one event type, e.g. for Kafka Streams or tests.
 *
 * @param <T> the event type
 */
public class EventSerde<T extends SpecificRecord> implements Serde<T> {

    private final EventSerializer<T> serializer;
    private final EventDeserializer<T> deserializer;

    public EventSerde(Class<T> valueType) {
        this(valueType, null);
    }

    public EventSerde(Class<T> valueType, RegistryClientFacade registryClient) {
        this.serializer = new EventSerializer<>(registryClient);
        this.deserializer = new EventDeserializer<>(valueType, registryClient);
    }

    /** A serde of {@code valueType} configured with {@code configs} as a value serde. */
    public static <T extends SpecificRecord> EventSerde<T> forValues(Class<T> valueType, Map<String, ?> configs) {
        EventSerde<T> serde = new EventSerde<>(valueType);
        serde.configure(configs, false);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
