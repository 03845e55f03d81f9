package org.invoicepipeline.common.serde;

import java.io.IOException;
import java.util.Map;

import com.microsoft.kiota.ApiException;
import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.rest.client.models.ProblemDetails;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads events with the Apicurio Avro serde and turns its failures into {@link EventDeserializationException}s
 * with a code: a missing schema is not retryable, an unreachable registry is.
 */
final class RegistryEventDeserializer implements Deserializer<SpecificRecord> {

    /** Confluent-compatible wire format: magic byte 0, then a 4-byte schema id. */
    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_LENGTH = 5;

    private final AvroKafkaDeserializer<SpecificRecord> delegate;

    RegistryEventDeserializer(RegistryClientFacade client) {
        this.delegate = client == null ? new AvroKafkaDeserializer<>() : new AvroKafkaDeserializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(EventSerdeConfig.registryConfigs(configs), isKey);
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public SpecificRecord deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH || data[0] != MAGIC_BYTE) {
            throw new EventDeserializationException(EventDecodingError.NOT_AN_EVENT, topic, "value of " + data.length
                    + " bytes does not start with the registry wire format (magic byte 0 + 4-byte schema id)");
        }
        try {
            return headers == null ? delegate.deserialize(topic, data) : delegate.deserialize(topic, headers, data);
        } catch (RuntimeException e) {
            EventDecodingError error = classify(e);
            throw new EventDeserializationException(error, topic, describe(error, data, e), e);
        }
    }

    private static EventDecodingError classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isNotFound(cause)) {
                return EventDecodingError.UNKNOWN_SCHEMA;
            }
            if (cause instanceof AvroRuntimeException || cause instanceof IndexOutOfBoundsException
                    || cause instanceof java.io.EOFException || cause instanceof ClassCastException) {
                return EventDecodingError.UNDECODABLE_EVENT;
            }
            if (cause instanceof ApiException || cause instanceof IOException) {
                return EventDecodingError.SCHEMA_REGISTRY_UNAVAILABLE;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return EventDecodingError.UNDECODABLE_EVENT;
    }

    private static boolean isNotFound(Throwable cause) {
        if (cause instanceof ProblemDetails problem && problem.getStatus() != null && problem.getStatus() == 404) {
            return true;
        }
        return cause instanceof ApiException api && api.getResponseStatusCode() == 404;
    }

    private static String describe(EventDecodingError error, byte[] data, Throwable failure) {
        long schemaId = ((data[1] & 0xFFL) << 24) | ((data[2] & 0xFFL) << 16) | ((data[3] & 0xFFL) << 8) | (data[4] & 0xFFL);
        return switch (error) {
            case UNKNOWN_SCHEMA -> "the registry has no schema with id " + schemaId;
            case SCHEMA_REGISTRY_UNAVAILABLE -> "cannot look up schema id " + schemaId + " in the registry: " + failure;
            default -> "cannot decode the value written with schema id " + schemaId + ": " + failure;
        };
    }

    @Override
    public void close() {
        delegate.close();
    }
}
