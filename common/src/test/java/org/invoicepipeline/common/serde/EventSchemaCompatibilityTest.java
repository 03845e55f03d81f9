package org.invoicepipeline.common.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.invoicepipeline.common.events.EventType;
import org.invoicepipeline.common.events.SampleEvents;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.SignedOutputUrls;
import org.junit.jupiter.api.Test;
import org.apache.avro.specific.SpecificRecord;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.PartsUploaded;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evolution rules of the event contracts: the current schema of every event reads what every released
 * schema wrote (backward) and every released schema reads what the current one writes (forward), and the
 * current schema itself is released, so single-object readers know it.
 */
class EventSchemaCompatibilityTest {

    static Stream<ReleasedSchema> releasedSchemas() {
        return EventSchemaHistory.released().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedSchemas")
    void currentSchemaReadsWhatEveryReleasedSchemaWrote(ReleasedSchema released) {
        Schema current = released.type().schema();

        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released.schema());

        assertThat(result.getType())
                .as("backward compatibility of %s with released v%d: %s", released.type(), released.version(),
                        result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedSchemas")
    void everyReleasedSchemaReadsWhatTheCurrentSchemaWrites(ReleasedSchema released) {
        Schema current = released.type().schema();

        var result = SchemaCompatibility.checkReaderWriterCompatibility(released.schema(), current);

        assertThat(result.getType())
                .as("forward compatibility of %s with released v%d: %s", released.type(), released.version(),
                        result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventHasReleasedSchemasWithoutGaps(EventType type) {
        List<ReleasedSchema> released = EventSchemaHistory.released(type);

        assertThat(released).isNotEmpty();
        for (int i = 0; i < released.size(); i++) {
            assertThat(released.get(i).version()).isEqualTo(i + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theCurrentSchemaIsReleased(EventType type) {
        long current = SchemaNormalization.parsingFingerprint64(type.schema());
        List<ReleasedSchema> released = EventSchemaHistory.released(type);

        assertThat(released)
                .as("the current %s schema changed: release it as src/main/resources/%s (the output of "
                        + "EventType.%s.schema().toString(true)) after checking the evolution rules",
                        type, EventSchemaHistory.resourceName(type, released.size() + 1), type.name())
                .anySatisfy(schema -> assertThat(schema.fingerprint()).isEqualTo(current));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void releasedSchemasAreSelfContainedAndNamedAfterTheirEvent(EventType type) {
        for (ReleasedSchema released : EventSchemaHistory.released(type)) {
            // Parsing each file with a fresh parser (done by EventSchemaHistory) proves self-containment.
            assertThat(released.schema().getFullName()).isEqualTo(type.schemaName());
            assertThat(released.schema().getType()).isEqualTo(Schema.Type.RECORD);
        }
    }

    // ---- the optional fields added at the end of released records (v2) ---------------------------------------

    @Test
    void anExtractionCompletedWrittenBeforeOutputUrlsReadsWithoutThem() throws IOException {
        ExtractionCompleted current = SampleEvents.extractionCompleted();
        GenericRecord asV1 = readAs(write(current, ExtractionCompleted.getClassSchema()),
                ExtractionCompleted.getClassSchema(), released(EventType.EXTRACTION_COMPLETED, 1));

        ExtractionCompleted read = readSpecific(writeGeneric(asV1), asV1.getSchema(), ExtractionCompleted.getClassSchema());

        assertThat(read.getOutputUrls()).isNull();
        assertThat(read.getSubmissionId()).isEqualTo(current.getSubmissionId());
    }

    @Test
    void outputUrlsRoundTripAndAV1ReaderSkipsThem() throws IOException {
        ExtractionCompleted withUrls = ExtractionCompleted.newBuilder(SampleEvents.extractionCompleted())
                .setOutputUrls(new SignedOutputUrls("https://s/x.xlsx?sig=1", null, "https://s/x.json?sig=2",
                        Instant.parse("2026-07-01T09:35:00Z")))
                .build();
        byte[] bytes = write(withUrls, ExtractionCompleted.getClassSchema());

        ExtractionCompleted read = readSpecific(bytes, ExtractionCompleted.getClassSchema(), ExtractionCompleted.getClassSchema());
        GenericRecord byV1 = readAs(bytes, ExtractionCompleted.getClassSchema(), released(EventType.EXTRACTION_COMPLETED, 1));

        assertThat(read.getOutputUrls()).isEqualTo(withUrls.getOutputUrls());
        assertThat(byV1.getSchema().getField("output_urls")).isNull();
        assertThat(byV1.get("submission_id").toString()).isEqualTo(withUrls.getSubmissionId());
    }

    @Test
    void anExtractionResultWrittenBeforeDuplicateOfReadsAsNotADuplicate() throws IOException {
        ExtractionResult current = SampleEvents.extractionResult();
        GenericRecord asV1 = readAs(write(current, ExtractionResult.getClassSchema()), ExtractionResult.getClassSchema(),
                released(EventType.EXTRACTION_RESULT, 1));

        ExtractionResult read = readSpecific(writeGeneric(asV1), asV1.getSchema(), ExtractionResult.getClassSchema());

        assertThat(read.getDuplicateOf()).isNull();
        assertThat(read.getResultId()).isEqualTo(current.getResultId());
    }

    @Test
    void duplicateOfRoundTripsAndAV1ReaderSkipsIt() throws IOException {
        ExtractionResult duplicate = ExtractionResult.newBuilder(SampleEvents.extractionResult())
                .setDuplicateOf("erp-42:first").build();
        byte[] bytes = write(duplicate, ExtractionResult.getClassSchema());

        ExtractionResult read = readSpecific(bytes, ExtractionResult.getClassSchema(), ExtractionResult.getClassSchema());
        assertThat(read.getDuplicateOf()).isEqualTo("erp-42:first");
        GenericRecord byV1 = readAs(bytes, ExtractionResult.getClassSchema(), released(EventType.EXTRACTION_RESULT, 1));
        assertThat(byV1.getSchema().getField("duplicate_of")).isNull();
        assertThat(byV1.get("result_id").toString()).isEqualTo(duplicate.getResultId());
    }

    private static Schema released(EventType type, int version) {
        return EventSchemaHistory.released(type).get(version - 1).schema();
    }

    private static <T> byte[] write(T record, Schema schema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<T>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] writeGeneric(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema(), GenericData.get()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static GenericRecord readAs(byte[] bytes, Schema writer, Schema reader) throws IOException {
        return new GenericDatumReader<GenericRecord>(writer, reader).read(null,
                DecoderFactory.get().binaryDecoder(bytes, null));
    }

    private static <T> T readSpecific(byte[] bytes, Schema writer, Schema reader) throws IOException {
        return new SpecificDatumReader<T>(writer, reader).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    /**
     * The retry generation added in v2: what a v1 producer wrote (FileRegistered, FileRef inside PartsUploaded,
     * ExtractionResult) reads as generation 0, so registrations and results of before keep their ids and meaning.
     */
    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"FILE_REGISTERED", "PARTS_UPLOADED", "EXTRACTION_RESULT"})
    void whatAVersion1ProducerWroteReadsAsRetryGenerationZero(EventType type) throws Exception {
        Schema v1 = EventSchemaHistory.released(type).get(0).schema();
        GenericRecord written = toGeneric(sample(type), v1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(v1).write(written, encoder);
        encoder.flush();

        SpecificRecord read = new SpecificDatumReader<SpecificRecord>(v1, type.schema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        if (read instanceof FileRegistered registered) {
            assertThat(registered.getRetryGeneration()).isZero();
        }
        else if (read instanceof PartsUploaded uploaded) {
            assertThat(uploaded.getFiles()).isNotEmpty().allSatisfy(f -> assertThat(f.getRetryGeneration()).isZero());
        }
        else {
            assertThat(((ExtractionResult) read).getRetryGeneration()).isZero();
        }
    }

    private static SpecificRecord sample(EventType type) {
        return switch (type) {
            case FILE_REGISTERED -> SampleEvents.fileRegistered();
            case PARTS_UPLOADED -> SampleEvents.partsUploaded();
            default -> SampleEvents.extractionResult();
        };
    }

    /** The sample written with the current schema and read back as a generic record of {@code v1}. */
    private static GenericRecord toGeneric(SpecificRecord sample, Schema v1) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<SpecificRecord>(sample.getSchema()).write(sample, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(sample.getSchema(), v1)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
