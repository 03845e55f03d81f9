package org.invoicepipeline.common.serde;

import java.util.Map;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.invoicepipeline.common.events.TrustedEventPackages;

/**
 * Kafka deserializer of the pipeline's events, in the wire format {@link EventSerdeConfig#MODE} selects.
 * A value that is not a readable event fails with an {@link EventDeserializationException} carrying a
 * machine-readable {@link EventDecodingError}, so the record can be dead-lettered instead of stopping the consumer.
 *
 * @param <T> the event type read; with a value type set ({@link EventSerdeConfig#VALUE_TYPE} or the constructor)
 *            any other event fails with {@link EventDecodingError#UNEXPECTED_EVENT_TYPE}
 */
public class EventDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final RegistryClientFacade registryClient;
    private Class<? extends SpecificRecord> valueType;
    private Deserializer<SpecificRecord> delegate;

    public EventDeserializer() {
        this(null, null);
    }

    public EventDeserializer(Class<T> valueType) {
        this(valueType, null);
    }

    /** Uses {@code registryClient} in registry mode instead of an HTTP client built from the configuration. */
    public EventDeserializer(Class<T> valueType, RegistryClientFacade registryClient) {
        this.valueType = valueType;
        this.registryClient = registryClient;
        TrustedEventPackages.install();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (valueType == null) {
            valueType = EventSerdeConfig.valueType(configs);
        }
        delegate = switch (EventSerdeConfig.mode(configs)) {
            case SINGLE_OBJECT -> new SingleObjectEventDeserializer(EventSchemaStore.releasedAndCurrent());
            case REGISTRY -> new RegistryEventDeserializer(
                    registryClient != null ? registryClient : RegistryClients.fromConfig(configs));
        };
        delegate.configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return checked(topic, delegate().deserialize(topic, data));
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return checked(topic, delegate().deserialize(topic, headers, data));
    }

    @Override
    public void close() {
        if (delegate != null) {
            delegate.close();
        }
    }

    @SuppressWarnings("unchecked")
    private T checked(String topic, SpecificRecord event) {
        if (event != null && valueType != null && !valueType.isInstance(event)) {
            throw new EventDeserializationException(EventDecodingError.UNEXPECTED_EVENT_TYPE, topic,
                    "expected " + valueType.getName() + " but the value is " + event.getSchema().getFullName());
        }
        return (T) event;
    }

    private Deserializer<SpecificRecord> delegate() {
        if (delegate == null) {
            // Constructed without configure(): the default mode needs no settings.
            delegate = new SingleObjectEventDeserializer(EventSchemaStore.releasedAndCurrent());
        }
        return delegate;
    }
}
