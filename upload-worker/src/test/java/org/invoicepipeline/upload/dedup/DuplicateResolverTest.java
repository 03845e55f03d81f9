package org.invoicepipeline.upload.dedup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ResultStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The resolver's work per poll, with its state fed record by record and a mock producer. */
class DuplicateResolverTest {

    private static final String RESULTS = "extraction-results";
    private static final String INDEX = "upload-content-index";
    private static final String DUPLICATES = "upload-content-duplicates";
    private static final int PARTITIONS = 2;
    private static final String KEY = ContentKeys.of("invoices", "ab".repeat(32));

    private final EventSerializer<ExtractionResult> serializer = new EventSerializer<>();
    private final EventDeserializer<ExtractionResult> deserializer = new EventDeserializer<>(ExtractionResult.class);
    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private final DuplicateResolver resolver = new DuplicateResolver(
            new DuplicateResolver.Settings(RESULTS, INDEX, DUPLICATES, "dedup", Duration.ofMillis(10)), Map.of(),
            Map.of(), serializer, deserializer, new DedupMetrics(new SimpleMeterRegistry()),
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final Set<TopicPartition> all = Set.of(new TopicPartition(RESULTS, 0), new TopicPartition(RESULTS, 1));

    @Test
    void aFirstsResultAnswersTheDuplicatesWaitingForIt() {
        state(INDEX, KEY, DedupRecords.write(IndexedContent.inFlight("a")));
        state(DUPLICATES, "b", DedupRecords.write(waiting("b", "a")));

        resolver.handle(List.of(result(first("a", ResultStatus.EXTRACTED, null))), all, PARTITIONS, producer);

        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::topic).containsExactly(INDEX, RESULTS, DUPLICATES);
        IndexedContent recorded = DedupRecords.readIndexed(sent.get(0).value());
        assertThat(recorded.firstStatus()).isEqualTo(ResultStatus.EXTRACTED);
        ExtractionResult duplicate = deserializer.deserialize(RESULTS, sent.get(1).value());
        assertThat(sent.get(1).key()).isEqualTo("b");
        assertThat(duplicate.getDuplicateOf()).isEqualTo("a");
        assertThat(duplicate.getRows()).isEqualTo(first("a", ResultStatus.EXTRACTED, null).getRows());
        assertThat(sent.get(2).key()).isEqualTo("b");
        assertThat(sent.get(2).value()).as("tombstone: answered").isNull();
    }

    @Test
    void aDuplicateTakenInAfterItsFirstEndedIsAnsweredFromTheStoredResultOnce() {
        byte[] failed = serializer.serialize(RESULTS, first("a", ResultStatus.FAILED,
                new ErrorInfo("SOURCE_CHANGED", "file a changed", false, null)));
        state(INDEX, KEY, DedupRecords.write(new IndexedContent("a", ResultStatus.FAILED, failed)));
        state(DUPLICATES, "b", DedupRecords.write(waiting("b", "a")));

        resolver.handle(List.of(), all, PARTITIONS, producer);
        resolver.handle(List.of(), all, PARTITIONS, producer);

        List<ProducerRecord<String, byte[]>> answers = producer.history().stream()
                .filter(r -> r.topic().equals(RESULTS)).toList();
        assertThat(answers).singleElement().satisfies(r -> {
            ExtractionResult duplicate = deserializer.deserialize(RESULTS, r.value());
            assertThat(duplicate.getStatus()).isEqualTo(ResultStatus.FAILED);
            assertThat(duplicate.getError().getCode()).isEqualTo("SOURCE_CHANGED");
        });
    }

    @Test
    void resultsOfFilesNoDuplicateWaitsForChangeNothing() {
        state(INDEX, KEY, DedupRecords.write(IndexedContent.inFlight("a")));

        resolver.handle(List.of(result(first("other", ResultStatus.EXTRACTED, null))), all, PARTITIONS, producer);

        assertThat(producer.history()).isEmpty();
    }

    @Test
    void anotherInstanceAnswersTheDuplicatesOfAFirstOnAPartitionItDoesNotOwn() {
        byte[] done = serializer.serialize(RESULTS, first("a", ResultStatus.EXTRACTED, null));
        state(INDEX, KEY, DedupRecords.write(new IndexedContent("a", ResultStatus.EXTRACTED, done)));
        state(DUPLICATES, "b", DedupRecords.write(waiting("b", "a")));
        int owner = Utils.toPositive(Utils.murmur2("a".getBytes(StandardCharsets.UTF_8))) % PARTITIONS;

        resolver.handle(List.of(), Set.of(new TopicPartition(RESULTS, 1 - owner)), PARTITIONS, producer);
        assertThat(producer.history()).isEmpty();
        resolver.handle(List.of(), Set.of(new TopicPartition(RESULTS, owner)), PARTITIONS, producer);
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsExactly(RESULTS, DUPLICATES);
    }

    private void state(String topic, String key, byte[] value) {
        resolver.applyState(new ConsumerRecord<>(topic, 0, 0L, key, value));
    }

    private ConsumerRecord<String, byte[]> result(ExtractionResult result) {
        return new ConsumerRecord<>(RESULTS, 0, 0L, result.getFileId(), serializer.serialize(RESULTS, result));
    }

    private static WaitingDuplicate waiting(String fileId, String firstFileId) {
        return new WaitingDuplicate(fileId, firstFileId, KEY, fileId + ".pdf", "file:///in/" + fileId + ".pdf",
                "invoices", null, 0L, Map.of());
    }

    private static ExtractionResult first(String fileId, ResultStatus status, ErrorInfo error) {
        return ExtractionResult.newBuilder().setResultId(fileId + "/sub-1").setStatus(status).setFileId(fileId)
                .setFileName(fileId + ".pdf").setSourceUri("file:///in/" + fileId + ".pdf").setProfile("invoices")
                .setRegisteredAt(Instant.EPOCH).setSubmissionId("sub-1").setColumns(List.of("Invoice Number"))
                .setRows(List.of(new org.invoicepipeline.events.ResultRow(1, fileId + ".pdf (Page 1)",
                        Map.of("Invoice Number", "INV-1"))))
                .setError(error).setProducedAt(Instant.EPOCH).build();
    }
}
