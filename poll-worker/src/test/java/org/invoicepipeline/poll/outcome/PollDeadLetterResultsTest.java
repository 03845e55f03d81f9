package org.invoicepipeline.poll.outcome;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.common.profile.SubmissionIds;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PollDeadLetterResultsTest {

    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    private final PollDeadLetterResults results = new PollDeadLetterResults(Clock.fixed(NOW, ZoneOffset.UTC));
    private final StageFailure failure = StageFailure.transientFailure("KAFKA_UNAVAILABLE", "broker down", null);

    @Test
    void eachFileOfADeadLetteredSubmissionGetsOneResultUnderItsSubmission() {
        ExtractionSubmitted submitted = ExtractionSubmitted.newBuilder().setSubmissionId("sub-x-2").setExtractionId("e-9")
                .setUploadSessionId("us-x").setProfile("std").setBatchKey("b").setAttempt(2).setSubmittedAt(NOW)
                .setFiles(List.of(file("r1"), file("r2"))).build();

        List<ExtractionResult> out = results.resultsFor(new ConsumerRecord<>("extraction-submitted", 0, 1L, "us-x",
                submitted), failure);

        assertThat(out).extracting(ExtractionResult::getResultId).containsExactly("r1/sub-x-2", "r2/sub-x-2");
        assertThat(out).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(ResultStatus.DEAD_LETTERED);
            assertThat(r.getExtractionId()).isEqualTo("e-9");
            assertThat(r.getError().getCode()).isEqualTo("KAFKA_UNAVAILABLE");
            assertThat(r.getError().getRetryable()).isTrue();
        });
    }

    @Test
    void undecodableBytesNameNoFile() {
        assertThat(results.resultsFor(new ConsumerRecord<>("extraction-submitted", 0, 1L, "k",
                "x".getBytes(StandardCharsets.UTF_8)), failure)).isEmpty();
    }

    @Test
    void resubmissionIdsAreDeterministicAndNeverShareAnIdAcrossFileSets() {
        String session = "us-1";
        String first = SubmissionIds.of(session, 1);
        // the same files of the session keep common's ids
        assertThat(ResubmissionIds.of(session, first, 1, List.of("a", "b", "c"), true, 2))
                .isEqualTo(SubmissionIds.of(session, 2));
        // excluding a file: derived from the session and the files left, the same on a replay
        String without = ResubmissionIds.of(session, first, 1, List.of("a", "c"), false, 2);
        assertThat(without).isEqualTo(ResubmissionIds.of(session, first, 1, List.of("c", "a"), false, 2))
                .isNotEqualTo(SubmissionIds.of(session, 2))
                .isNotEqualTo(ResubmissionIds.of(session, first, 1, List.of("a", "b"), false, 2))
                .matches("[A-Za-z0-9._:-]{1,200}");
        // a retry of the reduced set stays on it
        assertThat(ResubmissionIds.of(session, without, 2, List.of("a", "c"), true, 3))
                .isEqualTo(ResubmissionIds.forFiles(session, List.of("a", "c"), 3))
                .isNotEqualTo(SubmissionIds.of(session, 3));
    }

    private static FileRef file(String id) {
        return FileRef.newBuilder().setFileId(id).setApiFileId("api-" + id).setFileName(id + ".pdf")
                .setOriginalFileName(id + ".pdf").setSourceUri("file:///in/" + id + ".pdf").setSizeBytes(10)
                .setRegisteredAt(NOW).build();
    }
}
