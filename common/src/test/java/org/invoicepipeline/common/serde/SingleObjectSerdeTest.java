package org.invoicepipeline.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.invoicepipeline.common.events.SampleEvents;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.JsonNumber;
import org.junit.jupiter.api.Test;

class SingleObjectSerdeTest {

    private static final String TOPIC = "some-topic";

    private final EventSerializer<SpecificRecord> serializer = configured(new EventSerializer<>());
    private final EventDeserializer<SpecificRecord> deserializer = configured(new EventDeserializer<>());

    @Test
    void everyEventRoundTripsUnchanged() {
        for (SpecificRecord event : SampleEvents.everyType()) {
            byte[] bytes = serializer.serialize(TOPIC, event);

            assertThat(deserializer.deserialize(TOPIC, bytes)).isEqualTo(event);
        }
    }

    @Test
    void writesAvroSingleObjectEncoding() throws Exception {
        byte[] bytes = serializer.serialize(TOPIC, SampleEvents.fileRegistered());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(FileRegistered.getDecoder().decode(bytes)).isEqualTo(SampleEvents.fileRegistered());
    }

    @Test
    void rowCellsKeepTheirTypes() {
        ExtractionResult result = SampleEvents.extractionResult();

        ExtractionResult read = (ExtractionResult) deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, result));

        Map<String, Object> values = read.getRows().get(0).getValues();
        assertThat(values.get("Total Amount")).isEqualTo(new JsonNumber("1234.50"));
        assertThat(values.get("Paid")).isEqualTo(Boolean.FALSE);
        assertThat(values.get("Invoice Number")).isEqualTo("INV-2026-0001");
        assertThat(values).containsEntry("Due Date", null);
        assertThat(read.getColumns()).containsExactlyElementsOf(result.getColumns());
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serializer.serialize(TOPIC, null)).isNull();
        assertThat(deserializer.deserialize(TOPIC, null)).isNull();
    }

    @Test
    void bytesWithoutTheSingleObjectHeaderAreNotAnEvent() {
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, "{\"file_id\":\"x\"}".getBytes()))
                .isInstanceOfSatisfying(EventDeserializationException.class, e -> {
                    assertThat(e.error()).isEqualTo(EventDecodingError.NOT_AN_EVENT);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.topic()).isEqualTo(TOPIC);
                })
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[0]))
                .hasMessageContaining("NOT_AN_EVENT");
    }

    @Test
    void anUnknownFingerprintIsAnUnknownSchema() {
        byte[] bytes = serializer.serialize(TOPIC, SampleEvents.fileRegistered());
        bytes[5] ^= 0x5A;

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(EventDeserializationException.class,
                        e -> assertThat(e.error()).isEqualTo(EventDecodingError.UNKNOWN_SCHEMA));
    }

    @Test
    void aTruncatedOrPaddedBodyIsUndecodable() {
        byte[] bytes = serializer.serialize(TOPIC, SampleEvents.extractionCompleted());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 7);
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated))
                .isInstanceOfSatisfying(EventDeserializationException.class,
                        e -> assertThat(e.error()).isEqualTo(EventDecodingError.UNDECODABLE_EVENT));
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, padded))
                .isInstanceOfSatisfying(EventDeserializationException.class,
                        e -> assertThat(e.error()).isEqualTo(EventDecodingError.UNDECODABLE_EVENT));
    }

    @Test
    void aTypedDeserializerRefusesOtherEvents() {
        EventDeserializer<FileRegistered> fileRegistered = configured(new EventDeserializer<>(FileRegistered.class));
        byte[] wrongEvent = serializer.serialize(TOPIC, SampleEvents.partsUploaded());

        assertThat(fileRegistered.deserialize(TOPIC, serializer.serialize(TOPIC, SampleEvents.fileRegistered())))
                .isEqualTo(SampleEvents.fileRegistered());
        assertThatThrownBy(() -> fileRegistered.deserialize(TOPIC, wrongEvent))
                .isInstanceOfSatisfying(EventDeserializationException.class,
                        e -> assertThat(e.error()).isEqualTo(EventDecodingError.UNEXPECTED_EVENT_TYPE));
    }

    @Test
    void theValueTypeCanComeFromConfiguration() {
        EventDeserializer<SpecificRecord> typed = new EventDeserializer<>();
        typed.configure(Map.of(EventSerdeConfig.VALUE_TYPE, FileRegistered.class.getName()), false);

        assertThatThrownBy(() -> typed.deserialize(TOPIC, serializer.serialize(TOPIC, SampleEvents.extractionResult())))
                .hasMessageContaining("UNEXPECTED_EVENT_TYPE");
    }

    @Test
    void refusesToSerializeRecordsThatAreNotPipelineEvents() {
        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleEvents.fileRef()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a pipeline event");
    }

    @Test
    void anOlderWriterSchemaDecodesIntoTheCurrentClass() throws Exception {
        // A producer built before content_type, batch_key and attributes existed.
        Schema older = SchemaBuilder.record("FileRegistered").namespace("org.invoicepipeline.events").fields()
                .requiredString("file_id")
                .requiredString("source_uri")
                .requiredString("file_name")
                .optionalLong("size_bytes")
                .requiredString("profile")
                .name("registered_at").type(org.apache.avro.LogicalTypes.timestampMillis()
                        .addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
                .endRecord();
        GenericRecord old = new GenericData.Record(older);
        old.put("file_id", "legacy-1");
        old.put("source_uri", "file:///legacy.pdf");
        old.put("file_name", "legacy.pdf");
        old.put("size_bytes", 10L);
        old.put("profile", "default");
        old.put("registered_at", SampleEvents.REGISTERED_AT.toEpochMilli());
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        List<Schema> known = List.of(older, FileRegistered.getClassSchema());
        SingleObjectEventDeserializer reader = new SingleObjectEventDeserializer(EventSchemaStore.of(known));

        FileRegistered read = (FileRegistered) reader.deserialize(TOPIC, bytes);

        assertThat(read.getFileId()).isEqualTo("legacy-1");
        assertThat(read.getRegisteredAt()).isEqualTo(SampleEvents.REGISTERED_AT);
        assertThat(read.getBatchKey()).isNull();
        assertThat(read.getAttributes()).isEmpty();
    }

    @Test
    void theDefaultStoreKnowsEveryReleasedSchema() {
        EventSchemaStore store = EventSchemaStore.releasedAndCurrent();

        assertThat(EventSchemaHistory.released()).isNotEmpty().allSatisfy(released ->
                assertThat(store.findByFingerprint(released.fingerprint())).isEqualTo(released.schema()));
    }

    private static <T extends org.apache.kafka.common.serialization.Serializer<?>> T configured(T serializer) {
        serializer.configure(Map.of(), false);
        return serializer;
    }

    private static <T extends org.apache.kafka.common.serialization.Deserializer<?>> T configured(T deserializer) {
        deserializer.configure(Map.of(EventSerdeConfig.MODE, "single-object"), false);
        return deserializer;
    }

}
