package org.invoicepipeline.upload.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.UploadMetrics;
import org.invoicepipeline.upload.validation.FileValidator;
import org.invoicepipeline.upload.validation.RejectionCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner's flush transaction under producer failures, with mock clients. */
class PlannerCycleTest {

    private static final String INPUT = "files";
    private static final TopicPartition P0 = new TopicPartition(INPUT, 0);

    @TempDir
    Path root;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    private final EventSerializer<FileRegistered> serializer = new EventSerializer<>();
    private MockConsumer<String, byte[]> consumer;
    private MockProducer<String, byte[]> producer;
    private SessionBuffer buffer;
    private PlannerCycle cycle;

    @BeforeEach
    void setUp() {
        serializer.configure(Map.of(), false);
        consumer = new MockConsumer<>("earliest");
        producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        buffer = new SessionBuffer(500, 1L << 30, 0);
        UploadMetrics metrics = new UploadMetrics(new SimpleMeterRegistry());
        PlannedFiles planned = new PlannedFiles();
        EventDeserializer<FileRegistered> deserializer = new EventDeserializer<>(FileRegistered.class);
        deserializer.configure(Map.of(), false);
        EventSerializer<ExtractionResult> results = new EventSerializer<>();
        results.configure(Map.of(), false);
        FileValidator validator = new FileValidator(List.of(root), 1_000_000, 1_000_000, "std"::equals);
        RegistrationIntake intake = new RegistrationIntake("results", true, deserializer, results,
                new DuplicateRegistrations(planned, buffer, metrics), validator, buffer, new PlanBudget(900 * 1024), metrics,
                clock);
        cycle = new PlannerCycle(consumer, producer, "planned", intake, buffer, planned, () -> { }, () -> true,
                metrics, clock);
    }

    @Test
    void aFlushWhoseTransactionFailsCommitsNoOffsetEvenWhenTheRevocationAfterItFindsTheProducerReady() throws Exception {
        for (int i = 0; i < 3; i++) {
            cycle.handle(record(i, registration("f-" + i, pdf("f-" + i + ".pdf"))));
        }
        producer.commitTransactionException = new KafkaException("RecordTooLargeException: the plan is too large");

        assertThatThrownBy(() -> cycle.flush(true)).isInstanceOf(KafkaException.class);
        // the abort leaves the producer usable again; closing the consumer then revokes the partitions
        producer.commitTransactionException = null;
        try {
            cycle.onPartitionsRevoked(List.of(P0));
        }
        catch (RuntimeException e) {
            // a refusal to flush after a failure is fine; committing is not
        }

        assertThat(producer.consumerGroupOffsetsHistory()).isEmpty();
        assertThat(producer.history()).noneMatch(r -> r.topic().equals("planned"));
    }

    @Test
    void aFlushWhoseOffsetsCannotBeSentLeavesTheOffsetsWhereTheyWere() throws Exception {
        cycle.handle(record(0, registration("g-0", pdf("g-0.pdf"))));
        producer.sendOffsetsToTransactionException = new KafkaException("broker down");

        assertThatThrownBy(() -> cycle.flush(true)).isInstanceOf(KafkaException.class);
        producer.sendOffsetsToTransactionException = null;
        assertThatThrownBy(() -> cycle.flush(true)).isInstanceOf(IllegalStateException.class);

        assertThat(producer.consumerGroupOffsetsHistory()).isEmpty();
        assertThat(producer.transactionCommitted()).isFalse();
    }

    @Test
    void aRegistrationWhosePlanEntryCanNeverFitIsDeadLetteredWithAResultWithoutItsAttributes() throws Exception {
        FileRegistered huge = FileRegistered.newBuilder(registration("f-huge", pdf("huge.pdf")))
                .setAttributes(Map.of("note", "h".repeat(500 * 1024))).build();
        cycle.handle(record(0, huge));
        cycle.handle(record(1, registration("f-fine", pdf("fine.pdf"))));

        cycle.flush(true);

        assertThat(producer.history()).filteredOn(r -> r.topic().equals(INPUT + ".DLT")).singleElement().satisfies(dead -> {
            assertThat(new String(dead.headers().lastHeader("x-error-code").value(), StandardCharsets.UTF_8))
                    .isEqualTo(RejectionCodes.ATTRIBUTES_TOO_LARGE);
            assertThat(new String(dead.headers().lastHeader("x-error-message").value(), StandardCharsets.UTF_8))
                    .contains("f-huge").contains("huge.pdf");
        });
        EventDeserializer<ExtractionResult> results = new EventDeserializer<>(ExtractionResult.class);
        results.configure(Map.of(), false);
        assertThat(producer.history()).filteredOn(r -> r.topic().equals("results")).singleElement()
                .extracting(r -> results.deserialize("results", r.value()))
                .satisfies(result -> {
                    assertThat(result.getFileId()).isEqualTo("f-huge");
                    assertThat(result.getAttributes()).isEmpty();
                    assertThat(result.getError().getCode()).isEqualTo(RejectionCodes.ATTRIBUTES_TOO_LARGE);
                });
        assertThat(producer.history()).filteredOn(r -> r.topic().equals("planned")).singleElement()
                .satisfies(plan -> assertThat(new PlannedSessionCodec().read(plan.value()).files())
                        .extracting(PlannedFile::fileId).containsExactly("f-fine"));
        assertThat(producer.consumerGroupOffsetsHistory()).singleElement()
                .satisfies(offsets -> assertThat(offsets.values().iterator().next().get(P0).offset()).isEqualTo(2));
    }

    @Test
    void aPlanBudgetThatDoesNotFitTheProducersRequestSizeIsRefusedAtStart() {
        assertThatThrownBy(() -> SessionPlanner.checkPlanFitsARequest(1024 * 1024, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-plan-size");
        assertThatThrownBy(() -> SessionPlanner.checkPlanFitsARequest(600_000, Map.of("max.request.size", "600000")))
                .isInstanceOf(IllegalArgumentException.class);
        SessionPlanner.checkPlanFitsARequest(900 * 1024, Map.of());
        SessionPlanner.checkPlanFitsARequest(1_900_000, Map.of("max.request.size", 2_000_000));
    }

    private Path pdf(String name) throws IOException {
        return Files.write(root.resolve(name), "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static FileRegistered registration(String fileId, Path path) {
        return FileRegistered.newBuilder().setFileId(fileId).setFileName(path.getFileName().toString())
                .setSourceUri(path.toUri().toString()).setBatchKey("b").setProfile("std")
                .setRegisteredAt(Instant.EPOCH).build();
    }

    private ConsumerRecord<String, byte[]> record(long offset, FileRegistered event) {
        return new ConsumerRecord<>(INPUT, 0, offset, "b", serializer.serialize(INPUT, event));
    }
}
