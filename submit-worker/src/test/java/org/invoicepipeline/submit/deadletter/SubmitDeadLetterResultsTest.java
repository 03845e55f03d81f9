package org.invoicepipeline.submit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.events.ResultStatus;
import org.junit.jupiter.api.Test;

class SubmitDeadLetterResultsTest {

    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    private final SubmitDeadLetterResults results = new SubmitDeadLetterResults(Clock.fixed(NOW, ZoneOffset.UTC));
    private final StageFailure failure = StageFailure.permanent("INVALID_INPUT", "file_ids: f9 is not completed");

    @Test
    void aDeadLetteredSessionGivesEachOfItsCompletedFilesOneDeadLetteredResult() {
        PartsUploaded parts = parts(List.of(file("reg-1", "a.pdf"), file("reg-2", "b.pdf")));

        List<ExtractionResult> out = results.resultsFor(record(parts), failure);

        assertThat(out).hasSize(2);
        assertThat(out).extracting(ExtractionResult::getFileId).containsExactly("reg-1", "reg-2");
        assertThat(out).allSatisfy(result -> {
            assertThat(result.getStatus()).isEqualTo(ResultStatus.DEAD_LETTERED);
            assertThat(result.getUploadSessionId()).isEqualTo("us-1");
            assertThat(result.getSubmissionId()).isNull();
            assertThat(result.getExtractionId()).isNull();
            assertThat(result.getProfile()).isEqualTo("std");
            assertThat(result.getBatchKey()).isEqualTo("batch-1");
            assertThat(result.getError().getCode()).isEqualTo("INVALID_INPUT");
            assertThat(result.getError().getMessage()).contains("f9 is not completed");
            assertThat(result.getError().getRetryable()).isFalse();
            assertThat(result.getProducedAt()).isEqualTo(NOW);
        });
        // Deterministic: the same id when the dead letter is replayed; the per-session id of a never-submitted file.
        assertThat(out.get(0).getResultId()).isEqualTo("reg-1/us-1");
        assertThat(out.get(0).getFileName()).isEqualTo("orig-a.pdf");
        assertThat(out.get(0).getAttributes()).containsEntry("tenant", "acme");
    }

    @Test
    void aSessionWithoutCompletedFilesNamesNoFile() {
        assertThat(results.resultsFor(record(parts(List.of())), failure)).isEmpty();
    }

    @Test
    void undecodableBytesNameNoFile() {
        ConsumerRecord<Object, Object> raw = new ConsumerRecord<>("parts-uploaded", 0, 3L, "k",
                "garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(results.resultsFor(raw, failure)).isEmpty();
        assertThat(results.resultsFor(new ConsumerRecord<>("parts-uploaded", 0, 4L, "k", null), failure)).isEmpty();
    }

    private static ConsumerRecord<Object, Object> record(PartsUploaded parts) {
        return new ConsumerRecord<>("parts-uploaded", 1, 7L, parts.getUploadSessionId(), parts);
    }

    private static PartsUploaded parts(List<FileRef> files) {
        return PartsUploaded.newBuilder().setUploadSessionId("us-1").setProfile("std").setBatchKey("batch-1")
                .setFiles(files).setUploadedAt(NOW).build();
    }

    private static FileRef file(String fileId, String name) {
        return FileRef.newBuilder().setFileId(fileId).setApiFileId("api-" + fileId).setFileName(name)
                .setOriginalFileName("orig-" + name).setSourceUri("file:///in/" + name).setSizeBytes(100)
                .setRegisteredAt(NOW).setAttributes(Map.of("tenant", "acme")).build();
    }
}
