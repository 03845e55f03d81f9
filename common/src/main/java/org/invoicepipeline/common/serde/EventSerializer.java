package org.invoicepipeline.common.serde;

import java.util.Map;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.invoicepipeline.common.events.TrustedEventPackages;

/**
 * Kafka serializer of the pipeline's events, in the wire format {@link EventSerdeConfig#MODE} selects.
 * Usable as {@code value.serializer} (configured from the producer properties) or constructed directly.
 *
 * @param <T> the event type written
 */
public class EventSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final RegistryClientFacade registryClient;
    private Serializer<SpecificRecord> delegate;

    public EventSerializer() {
        this(null);
    }

    /** Uses {@code registryClient} in registry mode instead of an HTTP client built from the configuration. */
    public EventSerializer(RegistryClientFacade registryClient) {
        this.registryClient = registryClient;
        TrustedEventPackages.install();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate = switch (EventSerdeConfig.mode(configs)) {
            case SINGLE_OBJECT -> new SingleObjectEventSerializer();
            case REGISTRY -> new RegistryEventSerializer(registryClient(configs));
        };
        delegate.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, T event) {
        return delegate().serialize(topic, event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T event) {
        return delegate().serialize(topic, headers, event);
    }

    @Override
    public void close() {
        if (delegate != null) {
            delegate.close();
        }
    }

    private Serializer<SpecificRecord> delegate() {
        if (delegate == null) {
            // Constructed without configure(): the default mode needs no settings.
            delegate = new SingleObjectEventSerializer();
        }
        return delegate;
    }

    private RegistryClientFacade registryClient(Map<String, ?> configs) {
        return registryClient != null ? registryClient : RegistryClients.fromConfig(configs);
    }
}
