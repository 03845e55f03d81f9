package org.invoicepipeline.upload.dedup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.upload.plan.RegistrationDiversion;
import org.invoicepipeline.upload.validation.ValidatedFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The planner's side of content de-duplication, with the index topic behind a mock consumer. */
class ContentDuplicatesTest {

    private static final String INDEX = "upload-content-index";
    private static final String DUPLICATES = "upload-content-duplicates";
    private static final TopicPartition INDEX_0 = new TopicPartition(INDEX, 0);
    private static final String SHA = "ab".repeat(32);

    private final MockConsumer<String, byte[]> indexTopic = new MockConsumer<>("earliest");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<ProducerRecord<String, byte[]>> sends = new ArrayList<>();
    private final ContentDuplicates duplicates;

    ContentDuplicatesTest() {
        indexTopic.updatePartitions(INDEX, List.of(new PartitionInfo(INDEX, 0, null, null, null)));
        indexTopic.updateBeginningOffsets(Map.of(INDEX_0, 0L));
        indexTopic.updateEndOffsets(Map.of(INDEX_0, 0L));
        duplicates = new ContentDuplicates("invoices"::equals, INDEX, DUPLICATES, Duration.ZERO,
                new DedupMetrics(meters), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), configs -> indexTopic);
    }

    @Test
    void theFirstIsPlannedAndIndexedAndACopyInTheSamePollWaitsForIt() {
        assertThat(divert("a", "a.pdf", SHA, "invoices")).isFalse();
        assertThat(divert("b", "copy.pdf", SHA, "invoices")).isTrue();

        assertThat(sends).hasSize(2);
        assertThat(sends.get(0).topic()).isEqualTo(INDEX);
        assertThat(sends.get(0).key()).isEqualTo(ContentKeys.of("invoices", SHA));
        assertThat(DedupRecords.readIndexed(sends.get(0).value())).usingRecursiveComparison()
                .isEqualTo(IndexedContent.inFlight("a"));
        assertThat(sends.get(1).topic()).isEqualTo(DUPLICATES);
        assertThat(sends.get(1).key()).isEqualTo("b");
        WaitingDuplicate waiting = DedupRecords.readWaiting(sends.get(1).value());
        assertThat(waiting.firstFileId()).isEqualTo("a");
        assertThat(waiting.fileName()).isEqualTo("copy.pdf");
        assertThat(waiting.attributes()).containsEntry("erp", "b");
        assertThat(meters.get("pipeline.upload.files.content.duplicates").counter().count()).isEqualTo(1);
    }

    @Test
    void otherContentOtherProfilesAndTheFirstReadAgainAreNotDiverted() {
        divert("a", "a.pdf", SHA, "invoices");
        sends.clear();

        assertThat(divert("a", "a.pdf", SHA, "invoices")).as("the first itself, replayed").isFalse();
        assertThat(divert("c", "c.pdf", "cd".repeat(32), "invoices")).as("other bytes").isFalse();
        assertThat(divert("d", "d.pdf", SHA, "receipts")).as("a profile not de-duplicated").isFalse();
        assertThat(sends).extracting(ProducerRecord::topic).containsExactly(INDEX);
    }

    @Test
    void anIndexedFirstThatFailedIsReplacedByTheNextCopyAndAnExtractedOneIsNot() {
        indexed(0, ContentKeys.of("invoices", SHA), new IndexedContent("a", ResultStatus.FAILED, new byte[] {1}));
        indexed(1, ContentKeys.of("invoices", "ef".repeat(32)), new IndexedContent("x", ResultStatus.EXTRACTED, null));
        indexTopic.updateEndOffsets(Map.of(INDEX_0, 2L));

        assertThat(divert("b", "b.pdf", SHA, "invoices")).isFalse();
        assertThat(divert("y", "y.pdf", "ef".repeat(32), "invoices")).isTrue();

        assertThat(DedupRecords.readIndexed(sends.get(0).value()).firstFileId()).isEqualTo("b");
        assertThat(DedupRecords.readWaiting(sends.get(1).value()).firstFileId()).isEqualTo("x");
    }

    @Test
    void anUnreadableIndexIsNotTheFilesFault() {
        indexTopic.setPollException(new KafkaException("broker gone"));
        indexTopic.updateEndOffsets(Map.of(INDEX_0, 1L));

        assertThatThrownBy(() -> divert("a", "a.pdf", SHA, "invoices"))
                .isInstanceOf(RegistrationDiversion.Unavailable.class).hasMessageContaining(INDEX);
        assertThat(sends).isEmpty();
    }

    private void indexed(long offset, String key, IndexedContent content) {
        // records can only be added once the reader has assigned the partition: on its first poll
        indexTopic.schedulePollTask(() -> indexTopic.addRecord(
                new ConsumerRecord<>(INDEX, 0, offset, key, DedupRecords.write(content))));
    }

    private boolean divert(String fileId, String fileName, String sha256, String profile) {
        FileRegistered event = FileRegistered.newBuilder().setFileId(fileId).setSourceUri("file:///in/" + fileName)
                .setFileName(fileName).setProfile(profile).setRegisteredAt(Instant.EPOCH)
                .setAttributes(Map.of("erp", fileId)).build();
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("files-registered", 0, 7L, fileId, new byte[0]);
        return duplicates.divert(record, new ValidatedFile(event, Path.of("/in/" + fileName), 10, sha256), sends);
    }
}
