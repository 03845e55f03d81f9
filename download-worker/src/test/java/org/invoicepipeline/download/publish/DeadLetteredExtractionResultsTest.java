package org.invoicepipeline.download.publish;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.events.SampleEvents;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.ResultStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetteredExtractionResultsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private final DeadLetteredExtractionResults results =
            new DeadLetteredExtractionResults(Clock.fixed(NOW, ZoneOffset.UTC));
    private final StageFailure failure = StageFailure.permanent("EXTRACTION_NOT_FOUND", "the extraction is gone");

    @Test
    void everyFileOfADeadLetteredExtractionGetsADeadLetteredResultUnderItsSubmissionResultId() {
        FileRef file = SampleEvents.fileRef();
        ExtractionCompleted completed = ExtractionCompleted.newBuilder(SampleEvents.extractionCompleted())
                .setFiles(List.of(file, FileRef.newBuilder(file).setFileId("other").setOriginalFileName("b.pdf").build()))
                .build();

        List<ExtractionResult> dead = results.resultsFor(new ConsumerRecord<>("extraction-completed", 0, 1L, "k", completed),
                failure);

        assertThat(dead).hasSize(2).allSatisfy(result -> {
            assertThat(result.getStatus()).isEqualTo(ResultStatus.DEAD_LETTERED);
            assertThat(result.getResultId()).isEqualTo(result.getFileId() + "/" + completed.getSubmissionId());
            assertThat(result.getExtractionId()).isEqualTo(completed.getExtractionId());
            assertThat(result.getUploadSessionId()).isEqualTo(completed.getUploadSessionId());
            assertThat(result.getError().getCode()).isEqualTo("EXTRACTION_NOT_FOUND");
            assertThat(result.getError().getRetryable()).isFalse();
            assertThat(result.getProducedAt()).isEqualTo(NOW);
        });
        assertThat(dead).extracting(ExtractionResult::getFileName).containsExactly(file.getOriginalFileName(), "b.pdf");
    }

    @Test
    void anUndecodableRecordNamesNoFiles() {
        assertThat(results.resultsFor(new ConsumerRecord<>("extraction-completed", 0, 1L, "k", new byte[] {1, 2}),
                failure)).isEmpty();
        assertThat(results.resultsFor(new ConsumerRecord<>("extraction-completed", 0, 1L, "k", null), failure)).isEmpty();
    }
}
