package org.invoicepipeline.common.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration property names of {@link EventSerializer} and {@link EventDeserializer}, read from the Kafka
 * producer/consumer properties, and the Apicurio settings registry mode applies unless they are set.
 */
public final class EventSerdeConfig {

    /** {@code single-object} (default) or {@code registry}; see {@link SerdeMode}. */
    public static final String MODE = "invoicepipeline.serde.mode";

    /**
     * Optional fully qualified name (or {@code Class}) of the event class a deserializer accepts; any other
     * event fails with {@link EventDecodingError#UNEXPECTED_EVENT_TYPE}.
     */
    public static final String VALUE_TYPE = "invoicepipeline.serde.value-type";

    /**
     * Optional {@code io.apicurio.registry.resolver.client.RegistryClientFacade} instance used in registry mode
     * instead of an HTTP client built from {@code apicurio.registry.url} (tests use an in-memory one).
     */
    public static final String REGISTRY_CLIENT = "invoicepipeline.serde.registry-client";

    // Apicurio property names used by the pipeline (io.apicurio.registry.serde.config.SerdeConfig).
    public static final String APICURIO_URL = "apicurio.registry.url";
    public static final String APICURIO_AUTO_REGISTER = "apicurio.registry.auto-register";
    public static final String APICURIO_HEADERS_ENABLED = "apicurio.registry.headers.enabled";
    public static final String APICURIO_USE_ID = "apicurio.registry.use-id";
    public static final String APICURIO_ID_HANDLER = "apicurio.registry.id-handler";
    public static final String APICURIO_DEREFERENCE_SCHEMA = "apicurio.registry.dereference-schema";
    public static final String APICURIO_USE_SPECIFIC_AVRO_READER = "apicurio.registry.use-specific-avro-reader";

    /**
     * What registry mode sets unless configured otherwise: the Confluent-compatible wire format (no headers,
     * 4-byte content id), self-contained schemas, specific-record reading, and no auto-registration (schemas
     * are registered by deployment, not by whichever producer runs first).
     */
    public static final Map<String, Object> REGISTRY_DEFAULTS = Map.of(
            APICURIO_HEADERS_ENABLED, false,
            APICURIO_USE_ID, "contentId",
            APICURIO_ID_HANDLER, "io.apicurio.registry.serde.Default4ByteIdHandler",
            APICURIO_DEREFERENCE_SCHEMA, true,
            APICURIO_USE_SPECIFIC_AVRO_READER, true,
            APICURIO_AUTO_REGISTER, false);

    private EventSerdeConfig() {
    }

    static SerdeMode mode(Map<String, ?> configs) {
        Object value = configs.get(MODE);
        return value instanceof SerdeMode mode ? mode : SerdeMode.fromConfigValue(value == null ? null : value.toString());
    }

    /** The Apicurio configuration: {@link #REGISTRY_DEFAULTS} overridden by what is configured. */
    static Map<String, Object> registryConfigs(Map<String, ?> configs) {
        Map<String, Object> merged = new HashMap<>(REGISTRY_DEFAULTS);
        configs.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    static Class<? extends SpecificRecord> valueType(Map<String, ?> configs) {
        Object value = configs.get(VALUE_TYPE);
        if (value == null) {
            return null;
        }
        if (value instanceof Class<?> type && SpecificRecord.class.isAssignableFrom(type)) {
            return (Class<? extends SpecificRecord>) type;
        }
        try {
            Class<?> type = Class.forName(value.toString().trim(), false, EventSerdeConfig.class.getClassLoader());
            if (SpecificRecord.class.isAssignableFrom(type)) {
                return (Class<? extends SpecificRecord>) type;
            }
        } catch (ClassNotFoundException notFound) {
            throw new ConfigException(VALUE_TYPE, value, "no such class");
        }
        throw new ConfigException(VALUE_TYPE, value, "not an Avro SpecificRecord class");
    }
}
