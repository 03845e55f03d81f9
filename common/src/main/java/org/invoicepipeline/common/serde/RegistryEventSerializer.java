package org.invoicepipeline.common.serde;

import java.util.Map;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** Writes events with the Apicurio Avro serde (magic byte + 4-byte content id + body). */
final class RegistryEventSerializer implements Serializer<SpecificRecord> {

    private final AvroKafkaSerializer<SpecificRecord> delegate;

    RegistryEventSerializer(RegistryClientFacade client) {
        this.delegate = client == null ? new AvroKafkaSerializer<>() : new AvroKafkaSerializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(EventSerdeConfig.registryConfigs(configs), isKey);
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        return serialize(topic, null, event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, SpecificRecord event) {
        if (event == null) {
            return null;
        }
        try {
            return headers == null ? delegate.serialize(topic, event) : delegate.serialize(topic, headers, event);
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("cannot serialize " + event.getSchema().getFullName() + " for topic "
                    + topic + " through the schema registry: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
