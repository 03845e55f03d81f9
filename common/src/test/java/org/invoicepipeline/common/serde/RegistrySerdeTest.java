package org.invoicepipeline.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.events.EventType;
import org.invoicepipeline.common.events.SampleEvents;
import org.invoicepipeline.events.FileRegistered;
import org.junit.jupiter.api.Test;

/** Registry mode against an in-memory registry client. */
class RegistrySerdeTest {

    private final InMemoryRegistryClient registry = new InMemoryRegistryClient();

    @Test
    void everyEventRoundTripsWithAutoRegistration() {
        EventSerializer<SpecificRecord> serializer = serializer(true);
        EventDeserializer<SpecificRecord> deserializer = deserializer();

        for (SpecificRecord event : SampleEvents.everyType()) {
            String topic = EventType.forRecordClass(event.getClass()).orElseThrow().topic(EventTopics.defaults());
            byte[] bytes = serializer.serialize(topic, new RecordHeaders(), event);

            assertThat(deserializer.deserialize(topic, new RecordHeaders(), bytes)).isEqualTo(event);
        }
        assertThat(registry.versionCount()).isEqualTo(EventType.values().length);
    }

    @Test
    void writesTheConfluentCompatibleWireFormatWithTheContentId() {
        long contentId = registry.register("default", "files-registered-value",
                FileRegistered.getClassSchema().toString());
        RecordHeaders headers = new RecordHeaders();

        byte[] bytes = serializer(false).serialize("files-registered", headers, SampleEvents.fileRegistered());

        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo((int) contentId);
        assertThat(headers.toArray()).as("headers.enabled=false: the schema id travels in the value").isEmpty();
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaCannotBeWritten() {
        assertThatThrownBy(() -> serializer(false).serialize("files-registered", SampleEvents.fileRegistered()))
                .isInstanceOf(SerializationException.class);
        assertThat(registry.versionCount()).isZero();
    }

    @Test
    void anUnknownContentIdIsAnUnknownSchema() {
        byte[] bytes = serializer(true).serialize("files-registered", SampleEvents.fileRegistered());
        bytes[4] = 99;

        assertThatThrownBy(() -> deserializer().deserialize("files-registered", bytes))
                .isInstanceOfSatisfying(EventDeserializationException.class, e -> {
                    assertThat(e.error()).isEqualTo(EventDecodingError.UNKNOWN_SCHEMA);
                    assertThat(e.getMessage()).contains("no schema with id 99");
                });
    }

    @Test
    void bytesWithoutTheMagicByteAreNotAnEvent() {
        byte[] singleObject = new EventSerializer<SpecificRecord>().serialize("t", SampleEvents.fileRegistered());

        assertThatThrownBy(() -> deserializer().deserialize("t", singleObject))
                .isInstanceOfSatisfying(EventDeserializationException.class,
                        e -> assertThat(e.error()).isEqualTo(EventDecodingError.NOT_AN_EVENT));
        assertThatThrownBy(() -> deserializer().deserialize("t", new byte[] {0, 0}))
                .isInstanceOfSatisfying(EventDeserializationException.class,
                        e -> assertThat(e.error()).isEqualTo(EventDecodingError.NOT_AN_EVENT));
    }

    @Test
    void aCorruptBodyIsUndecodable() {
        byte[] bytes = serializer(true).serialize("extraction-results", SampleEvents.extractionResult());
        byte[] corrupt = java.util.Arrays.copyOf(bytes, 12);

        assertThatThrownBy(() -> deserializer().deserialize("extraction-results", corrupt))
                .isInstanceOfSatisfying(EventDeserializationException.class,
                        e -> assertThat(e.error()).isEqualTo(EventDecodingError.UNDECODABLE_EVENT));
    }

    @Test
    void anUnreachableRegistryIsRetryableNotADeadLetter() {
        byte[] bytes = serializer(true).serialize("files-registered", SampleEvents.fileRegistered());
        registry.failLookupsWith(() -> new UncheckedIOException(new ConnectException("Connection refused")));

        assertThatThrownBy(() -> deserializer().deserialize("files-registered", bytes))
                .isInstanceOfSatisfying(EventDeserializationException.class, e -> {
                    assertThat(e.error()).isEqualTo(EventDecodingError.SCHEMA_REGISTRY_UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void theRegistryClientCanBeConfiguredAsAnInstance() {
        Map<String, Object> configs = registryConfigs(true);
        configs.put(EventSerdeConfig.REGISTRY_CLIENT, registry);
        EventSerde<FileRegistered> serde = EventSerde.forValues(FileRegistered.class, configs);

        byte[] bytes = serde.serializer().serialize("files-registered", SampleEvents.fileRegistered());

        assertThat(serde.deserializer().deserialize("files-registered", bytes)).isEqualTo(SampleEvents.fileRegistered());
        assertThat(registry.versionCount()).isEqualTo(1);
    }

    private EventSerializer<SpecificRecord> serializer(boolean autoRegister) {
        EventSerializer<SpecificRecord> serializer = new EventSerializer<>(registry);
        serializer.configure(registryConfigs(autoRegister), false);
        return serializer;
    }

    private EventDeserializer<SpecificRecord> deserializer() {
        EventDeserializer<SpecificRecord> deserializer = new EventDeserializer<>(null, registry);
        deserializer.configure(registryConfigs(false), false);
        return deserializer;
    }

    private static Map<String, Object> registryConfigs(boolean autoRegister) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(EventSerdeConfig.MODE, "registry");
        configs.put(EventSerdeConfig.APICURIO_URL, "http://registry.invalid/apis/registry/v3");
        configs.put(EventSerdeConfig.APICURIO_AUTO_REGISTER, autoRegister);
        return configs;
    }
}
