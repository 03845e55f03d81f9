package org.invoicepipeline.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.events.EventType;
import org.invoicepipeline.common.events.SampleEvents;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registry mode against a real Apicurio Registry 3 server: schemas registered ahead of time (auto-register off,
 * as in production), Confluent-compatible wire format with content ids, and auto-registration.
 */
class ApicurioRegistryIT {

    private static ApicurioRegistryServer registry;
    private static final Map<EventType, Long> contentIds = new HashMap<>();

    @BeforeAll
    static void startRegistryAndRegisterEverySchema() throws Exception {
        registry = ApicurioRegistryServer.start();
        for (EventType type : EventType.values()) {
            // TopicIdStrategy: the artifact of a topic's values is "<topic>-value".
            contentIds.put(type, registry.registerAvro(type.defaultTopic() + "-value", type.schema().toString()));
        }
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void everyEventRoundTripsThroughRegisteredSchemas() {
        try (EventSerializer<SpecificRecord> serializer = serializer(false);
                EventDeserializer<SpecificRecord> deserializer = deserializer(registry.apiUrl())) {
            for (SpecificRecord event : SampleEvents.everyType()) {
                EventType type = EventType.forRecordClass(event.getClass()).orElseThrow();
                String topic = type.topic(EventTopics.defaults());
                RecordHeaders headers = new RecordHeaders();

                byte[] bytes = serializer.serialize(topic, headers, event);

                assertThat(bytes[0]).as("magic byte").isZero();
                assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("content id").isEqualTo(contentIds.get(type).intValue());
                assertThat(headers.toArray()).as("no schema headers").isEmpty();
                assertThat(deserializer.deserialize(topic, headers, bytes)).isEqualTo(event);
            }
        }
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredTopicCannotBeWritten() {
        try (EventSerializer<SpecificRecord> serializer = serializer(false)) {
            assertThatThrownBy(() -> serializer.serialize("unregistered-topic", SampleEvents.fileRegistered()))
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void autoRegistrationRegistersTheSchemaOnFirstUse() throws Exception {
        try (EventSerializer<SpecificRecord> serializer = serializer(true);
                EventDeserializer<ExtractionResult> deserializer = new EventDeserializer<>(ExtractionResult.class)) {
            deserializer.configure(configs(registry.apiUrl(), false), false);

            byte[] bytes = serializer.serialize("erp.invoice-results", SampleEvents.extractionResult());

            assertThat(deserializer.deserialize("erp.invoice-results", bytes)).isEqualTo(SampleEvents.extractionResult());
            assertThat(registry.latestVersion("erp.invoice-results-value")).isNotNull();
        }
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsAnUnknownSchema() {
        try (EventSerializer<SpecificRecord> serializer = serializer(false);
                EventDeserializer<SpecificRecord> deserializer = deserializer(registry.apiUrl())) {
            byte[] bytes = serializer.serialize("files-registered", SampleEvents.fileRegistered());
            ByteBuffer.wrap(bytes, 1, 4).putInt(999_999);

            assertThatThrownBy(() -> deserializer.deserialize("files-registered", bytes))
                    .isInstanceOfSatisfying(EventDeserializationException.class,
                            e -> assertThat(e.error()).isEqualTo(EventDecodingError.UNKNOWN_SCHEMA));
        }
    }

    @Test
    void anUnreachableRegistryIsRetryable() throws Exception {
        String nobodyListening = "http://127.0.0.1:" + ApicurioRegistryServer.freePort() + "/apis/registry/v3";
        byte[] bytes;
        try (EventSerializer<FileRegistered> serializer = new EventSerializer<>()) {
            serializer.configure(configs(registry.apiUrl(), false), false);
            bytes = serializer.serialize("files-registered", SampleEvents.fileRegistered());
        }

        try (EventDeserializer<SpecificRecord> deserializer = deserializer(nobodyListening)) {
            byte[] value = bytes;
            assertThatThrownBy(() -> deserializer.deserialize("files-registered", value))
                    .isInstanceOfSatisfying(EventDeserializationException.class, e -> {
                        assertThat(e.error()).isEqualTo(EventDecodingError.SCHEMA_REGISTRY_UNAVAILABLE);
                        assertThat(e.retryable()).isTrue();
                    });
        }
    }

    private static EventSerializer<SpecificRecord> serializer(boolean autoRegister) {
        EventSerializer<SpecificRecord> serializer = new EventSerializer<>();
        serializer.configure(configs(registry.apiUrl(), autoRegister), false);
        return serializer;
    }

    private static EventDeserializer<SpecificRecord> deserializer(String url) {
        EventDeserializer<SpecificRecord> deserializer = new EventDeserializer<>();
        deserializer.configure(configs(url, false), false);
        return deserializer;
    }

    private static Map<String, Object> configs(String url, boolean autoRegister) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(EventSerdeConfig.MODE, "registry");
        configs.put(EventSerdeConfig.APICURIO_URL, url);
        configs.put(EventSerdeConfig.APICURIO_AUTO_REGISTER, Boolean.toString(autoRegister));
        configs.put("apicurio.registry.retry-count", "1");
        configs.put("apicurio.registry.retry-backoff-ms", "100");
        return configs;
    }
}
