package org.invoicepipeline.upload.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.invoicepipeline.common.kafka.FailureClassifier;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.serde.EventDecodingError;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.upload.UploadMetrics;
import org.invoicepipeline.upload.validation.FileValidator;
import org.invoicepipeline.upload.validation.RejectionCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The planner's intake of one registration: buffered, skipped as a duplicate, or dead-lettered (with its
 * DEAD_LETTERED result). The serdes, plan log, buffer and budget are the real in-memory ones; the validator is a
 * Mockito spy over a real one reading a temporary directory, so a test can also say it was never asked.
 */
class RegistrationIntakeTest {

    private static final String INPUT = "files-registered";
    private static final String RESULTS = "results";
    private static final TopicPartition P0 = new TopicPartition(INPUT, 0);
    private static final long TIMESTAMP = 1_700_000_000_000L;
    private static final long MAX_PLAN_BYTES = 900 * 1024;
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    @TempDir
    Path root;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UploadMetrics metrics = new UploadMetrics(meters);
    private final PlannedFiles planned = new PlannedFiles();
    private final SessionBuffer buffer = new SessionBuffer(500, 1L << 30, 0);
    private final PlanBudget budget = new PlanBudget(MAX_PLAN_BYTES);
    private final EventSerializer<FileRegistered> registrations = new EventSerializer<>();
    private final EventDeserializer<ExtractionResult> results = new EventDeserializer<>(ExtractionResult.class);
    private final List<ProducerRecord<String, byte[]>> sends = new ArrayList<>();
    private FileValidator validator;

    @BeforeEach
    void setUp() {
        registrations.configure(Map.of(), false);
        results.configure(Map.of(), false);
        validator = spy(new FileValidator(List.of(root), 1_000_000, 1_000_000, "std"::equals));
    }

    @Test
    void aValidRegistrationIsBufferedWithItsOriginAndPlanShareAndCounted() throws IOException {
        FileRegistered event = registration("f-1", pdf("a.pdf"));
        ConsumerRecord<String, byte[]> record = record(5, registrations.serialize(INPUT, event));

        intake(true).take(record, sends);

        assertThat(sends).isEmpty();
        assertThat(buffer.waitingGroupOf("f-1")).contains(new SessionBuffer.GroupKey("std", "b"));
        assertThat(buffer.lowestWaitingOffset(P0)).hasValue(5);
        assertThat(buffer.takeDue(0, true)).singleElement().satisfies(group -> assertThat(group.entries).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.partition()).isEqualTo(P0);
                    assertThat(entry.offset()).isEqualTo(5);
                    assertThat(entry.file().event()).isEqualTo(event);
                    assertThat(entry.origin()).isEqualTo(RegistrationOrigin.of(record));
                    assertThat(entry.planBytes()).isEqualTo(budget.entryBytes(
                            SessionPlans.file(entry.file(), "a.pdf", RegistrationOrigin.of(record))));
                }));
        assertThat(meters.get("pipeline.upload.files.validated").tag("outcome", "accepted").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.find("pipeline.upload.files.rejected").counters()).isEmpty();
    }

    @ParameterizedTest(name = "already {0}")
    @ValueSource(strings = {"planned", "waiting"})
    void aFileIdAlreadyPlannedOrWaitingIsSkippedUnvalidatedAndNotDeadLettered(String where) throws IOException {
        Path source = pdf("a.pdf");
        if (where.equals("planned")) {
            planned.add(new PlannedSession("us-1", "std", "b", 0, List.of(new PlannedFile("f-1", "a.pdf", "a.pdf",
                    source.toUri().toString(), source.toString(), 10, null, 0, null))));
        }
        else {
            intake(true).take(record(0, registrations.serialize(INPUT, registration("f-1", source))), sends);
        }
        Files.delete(source); // gone by now: still no reason to dead-letter a file handled once already
        FileRegistered again = FileRegistered.newBuilder(registration("f-1", source)).setBatchKey("other").build();
        validator = spy(new FileValidator(List.of(root), 1_000_000, 1_000_000, "std"::equals));

        intake(true).take(record(1, registrations.serialize(INPUT, again)), sends);

        assertThat(sends).isEmpty();
        verifyNoInteractions(validator);
        assertThat(meters.get("pipeline.upload.files.duplicate").counter().count()).isEqualTo(1.0);
        assertThat(meters.find("pipeline.upload.files.rejected").counters()).isEmpty();
        assertThat(buffer.waitingFiles()).isEqualTo(where.equals("waiting") ? 1 : 0);
        assertThat(buffer.lowestWaitingOffset(P0)).isEqualTo(where.equals("waiting")
                ? OptionalLong.of(0) : OptionalLong.empty());
    }

    @Test
    void aRecordWithoutValueIsAPoisonRecordDeadLetteredWithoutAResult() {
        ConsumerRecord<String, byte[]> record = record(3, null);

        intake(true).take(record, sends);

        assertThat(sends).singleElement().satisfies(dead -> assertDeadLetter(dead, record,
                FailureClassifier.POISON_RECORD));
        verifyNoInteractions(validator);
        assertThat(buffer.waitingFiles()).isZero();
        assertRejectedCount(FailureClassifier.POISON_RECORD);
    }

    static Stream<Arguments> undecodableValues() {
        EventSerializer<FileRegistered> events = new EventSerializer<>();
        events.configure(Map.of(), false);
        EventSerializer<ExtractionResult> otherEvents = new EventSerializer<>();
        otherEvents.configure(Map.of(), false);
        byte[] valid = events.serialize(INPUT, registration("f-1", Path.of("/in/a.pdf")));
        byte[] unknownFingerprint = new byte[12];
        unknownFingerprint[0] = (byte) 0xC3;
        unknownFingerprint[1] = 0x01;
        ExtractionResult result = ExtractionResult.newBuilder()
                .setResultId("r-1").setStatus(ResultStatus.DEAD_LETTERED).setFileId("f-1").setFileName("a.pdf")
                .setSourceUri("file:///in/a.pdf").setProfile("std").setRegisteredAt(Instant.EPOCH).setProducedAt(NOW)
                .build();
        return Stream.of(
                Arguments.of("plain text", "not an event".getBytes(StandardCharsets.UTF_8),
                        EventDecodingError.NOT_AN_EVENT.name()),
                Arguments.of("unknown schema fingerprint", unknownFingerprint, EventDecodingError.UNKNOWN_SCHEMA.name()),
                Arguments.of("a registration with a byte left over", Arrays.copyOf(valid, valid.length + 1),
                        EventDecodingError.UNDECODABLE_EVENT.name()),
                Arguments.of("another event type", otherEvents.serialize(RESULTS, result),
                        EventDecodingError.UNEXPECTED_EVENT_TYPE.name()));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("undecodableValues")
    void undecodableBytesAreDeadLetteredAsIsWithTheSerdesCodeAndNoResult(String what, byte[] value, String code) {
        ConsumerRecord<String, byte[]> record = record(9, value);

        intake(true).take(record, sends);

        assertThat(sends).singleElement().satisfies(dead -> assertDeadLetter(dead, record, code));
        verifyNoInteractions(validator);
        assertThat(buffer.waitingFiles()).isZero();
        assertRejectedCount(code);
    }

    static Stream<Arguments> rejectedRegistrations() {
        return Stream.<Arguments>of(
                Arguments.of(RejectionCodes.UNKNOWN_PROFILE, (Function<Path, FileRegistered>) root -> FileRegistered
                        .newBuilder(registration("f-9", root.resolve("a.pdf"))).setProfile("nope").build()),
                Arguments.of(RejectionCodes.SOURCE_NOT_ALLOWED, (Function<Path, FileRegistered>) root ->
                        registration("f-9", root.getParent().resolve("outside.pdf"))),
                Arguments.of(RejectionCodes.SOURCE_UNREADABLE, (Function<Path, FileRegistered>) root ->
                        registration("f-9", root.resolve("missing.pdf"))),
                Arguments.of(RejectionCodes.UNSUPPORTED_FILE_TYPE, (Function<Path, FileRegistered>) root ->
                        FileRegistered.newBuilder(registration("f-9", root.resolve("a.pdf"))).setFileName("a.txt")
                                .build()),
                Arguments.of(RejectionCodes.INVALID_FILE_ID, (Function<Path, FileRegistered>) root ->
                        registration("f 9", root.resolve("a.pdf"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedRegistrations")
    void aRejectedRegistrationIsDeadLetteredWithItsCodeAndADeadLetteredResultNamingTheFile(
            String code, Function<Path, FileRegistered> registration) throws IOException {
        pdf("a.pdf");
        FileRegistered event = FileRegistered.newBuilder(registration.apply(root))
                .setAttributes(Map.of("erp-id", "4711")).build();
        ConsumerRecord<String, byte[]> record = record(4, registrations.serialize(INPUT, event));

        intake(true).take(record, sends);

        assertThat(sends).hasSize(2);
        assertDeadLetter(sends.get(0), record, code);
        assertThat(utf8(sends.get(0), PipelineHeaders.ERROR_MESSAGE)).contains(FileValidator.label(event));
        ProducerRecord<String, byte[]> sent = sends.get(1);
        assertThat(sent.topic()).isEqualTo(RESULTS);
        assertThat(sent.key()).isEqualTo(event.getFileId());
        ExtractionResult result = results.deserialize(RESULTS, sent.value());
        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEAD_LETTERED);
        assertThat(result.getFileId()).isEqualTo(event.getFileId());
        assertThat(result.getFileName()).isEqualTo(event.getFileName());
        assertThat(result.getAttributes()).isEqualTo(Map.of("erp-id", "4711"));
        assertThat(result.getProducedAt()).isEqualTo(NOW);
        assertThat(result.getError().getCode()).isEqualTo(code);
        assertThat(result.getError().getRetryable()).isFalse();
        assertThat(result.getError().getMessage()).startsWith(FileValidator.label(event) + ": ");
        assertThat(buffer.waitingFiles()).isZero();
        assertRejectedCount(code);
    }

    @Test
    void withResultsDisabledARejectedRegistrationIsOnlyDeadLettered() {
        FileRegistered event = FileRegistered.newBuilder(registration("f-9", root.resolve("a.pdf"))).setProfile("nope")
                .build();
        ConsumerRecord<String, byte[]> record = record(4, registrations.serialize(INPUT, event));

        intake(false).take(record, sends);

        assertThat(sends).singleElement().satisfies(dead -> assertDeadLetter(dead, record,
                RejectionCodes.UNKNOWN_PROFILE));
        assertRejectedCount(RejectionCodes.UNKNOWN_PROFILE);
    }

    @Test
    void aRegistrationWhosePlanEntryCanNeverFitIsRejectedAsAttributesTooLargeWithAResultWithoutThem() throws IOException {
        FileRegistered huge = FileRegistered.newBuilder(registration("f-huge", pdf("huge.pdf")))
                .setAttributes(Map.of("note", "h".repeat(500 * 1024))).build();
        ConsumerRecord<String, byte[]> record = record(2, registrations.serialize(INPUT, huge));

        intake(true).take(record, sends);

        assertThat(sends).hasSize(2);
        assertDeadLetter(sends.get(0), record, RejectionCodes.ATTRIBUTES_TOO_LARGE);
        assertThat(utf8(sends.get(0), PipelineHeaders.ERROR_MESSAGE)).startsWith(FileValidator.label(huge) + ": ")
                .contains("planner.max-plan-size").contains(Long.toString(MAX_PLAN_BYTES));
        ExtractionResult result = results.deserialize(RESULTS, sends.get(1).value());
        assertThat(sends.get(1).key()).isEqualTo("f-huge");
        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEAD_LETTERED);
        assertThat(result.getError().getCode()).isEqualTo(RejectionCodes.ATTRIBUTES_TOO_LARGE);
        assertThat(result.getAttributes()).isEmpty();
        assertThat(buffer.waitingFiles()).isZero();
        assertThat(meters.find("pipeline.upload.files.validated").tag("outcome", "accepted").counter().count())
                .isZero();
        assertRejectedCount(RejectionCodes.ATTRIBUTES_TOO_LARGE);
    }

    @Test
    void aRejectedRegistrationWhoseResultWouldNotFitARecordLeavesTheAttributesOutOfTheResult() {
        FileRegistered event = FileRegistered.newBuilder(registration("f-9", root.resolve("a.pdf"))).setProfile("nope")
                .setAttributes(Map.of("note", "h".repeat((int) MAX_PLAN_BYTES))).build();
        ConsumerRecord<String, byte[]> record = record(4, registrations.serialize(INPUT, event));

        intake(true).take(record, sends);

        assertThat(sends).hasSize(2);
        assertDeadLetter(sends.get(0), record, RejectionCodes.UNKNOWN_PROFILE);
        assertThat(sends.get(0).value()).isEqualTo(record.value());
        ExtractionResult result = results.deserialize(RESULTS, sends.get(1).value());
        assertThat(result.getError().getCode()).isEqualTo(RejectionCodes.UNKNOWN_PROFILE);
        assertThat(result.getAttributes()).isEmpty();
        verify(validator).validate(event);
    }

    private RegistrationIntake intake(boolean publishResults) {
        EventDeserializer<FileRegistered> deserializer = new EventDeserializer<>(FileRegistered.class);
        deserializer.configure(Map.of(), false);
        EventSerializer<ExtractionResult> resultSerializer = new EventSerializer<>();
        resultSerializer.configure(Map.of(), false);
        return new RegistrationIntake(RESULTS, publishResults, deserializer, resultSerializer,
                new DuplicateRegistrations(planned, buffer, metrics), validator, buffer, budget, metrics,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The dead letter of {@code record}: its key, bytes and headers as consumed, its coordinates and the code. */
    private static void assertDeadLetter(ProducerRecord<String, byte[]> dead, ConsumerRecord<String, byte[]> record,
                                         String code) {
        assertThat(dead.topic()).isEqualTo(INPUT + ".DLT");
        assertThat(dead.partition()).isNull();
        assertThat(dead.key()).isEqualTo(record.key());
        assertThat(dead.value()).isEqualTo(record.value());
        assertThat(header(dead, "trace")).containsExactly(1, 2);
        assertThat(utf8(dead, "kafka_dlt-original-topic")).isEqualTo(INPUT);
        assertThat(ByteBuffer.wrap(header(dead, "kafka_dlt-original-partition")).getInt()).isEqualTo(record.partition());
        assertThat(ByteBuffer.wrap(header(dead, "kafka_dlt-original-offset")).getLong()).isEqualTo(record.offset());
        assertThat(ByteBuffer.wrap(header(dead, "kafka_dlt-original-timestamp")).getLong()).isEqualTo(TIMESTAMP);
        assertThat(utf8(dead, PipelineHeaders.ERROR_CODE)).isEqualTo(code);
        assertThat(utf8(dead, PipelineHeaders.ERROR_RETRYABLE)).isEqualTo("false");
        assertThat(utf8(dead, PipelineHeaders.STAGE)).isEqualTo("upload");
        assertThat(utf8(dead, PipelineHeaders.ATTEMPTS)).isEqualTo("1");
    }

    private void assertRejectedCount(String code) {
        assertThat(meters.get("pipeline.upload.files.rejected").tag("code", code).counter().count()).isEqualTo(1.0);
        assertThat(meters.find("pipeline.upload.files.rejected").counters()).hasSize(1);
        assertThat(meters.find("pipeline.upload.files.duplicate").counter().count()).isZero();
    }

    private static byte[] header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return header.value();
    }

    private static String utf8(ProducerRecord<String, byte[]> record, String name) {
        return new String(header(record, name), StandardCharsets.UTF_8);
    }

    private Path pdf(String name) throws IOException {
        return Files.write(root.resolve(name), "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static FileRegistered registration(String fileId, Path path) {
        return FileRegistered.newBuilder().setFileId(fileId).setFileName(path.getFileName().toString())
                .setSourceUri(path.toUri().toString()).setBatchKey("b").setProfile("std")
                .setRegisteredAt(Instant.EPOCH).build();
    }

    private static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        RecordHeaders headers = new RecordHeaders(new Header[] {new RecordHeader("trace", new byte[] {1, 2})});
        return new ConsumerRecord<>(INPUT, 0, offset, TIMESTAMP, TimestampType.CREATE_TIME, 3,
                value == null ? -1 : value.length, "key", value, headers, Optional.empty());
    }
}
