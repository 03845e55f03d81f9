package org.invoicepipeline.common.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.events.SampleEvents;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.sandbox.account.CreditsSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The invariant helper itself: it passes a complete run and names the offending files of every broken one. */
class ResultInvariantTest {

    private static final List<String> FILES = List.of("f-1", "f-2", "f-3");

    @Test
    void aCompleteRunPassesAndIsSummarised() {
        List<ExtractionResult> results = new ArrayList<>(List.of(
                result("f-1", "sub-1", ResultStatus.EXTRACTED, null),
                result("f-2", "sub-1", ResultStatus.EXTRACTED, null),
                result("f-3", "us-1", ResultStatus.DEAD_LETTERED, "CORRUPT_FILE")));
        results.add(result("f-1", "sub-1", ResultStatus.EXTRACTED, null)); // a replay: same id

        ResultInvariant.Summary summary = ResultInvariant.forRegisteredFiles(FILES)
                .results(results)
                .deadLetters(List.of(deadLetter("files-registered.DLT", "CORRUPT_FILE", "f-3")))
                .expectAll(ResultStatus.EXTRACTED)
                .expect("f-3", "CORRUPT_FILE", ResultStatus.DEAD_LETTERED)
                .sandboxCounters(counters(Map.of("sub-1", 1L), 2, 1), 2)
                .oneExtractionPerUploadSession()
                .check();

        assertThat(summary.count(ResultStatus.EXTRACTED)).isEqualTo(2);
        assertThat(summary.count(ResultStatus.DEAD_LETTERED)).isEqualTo(1);
        assertThat(summary.resultRecords()).isEqualTo(4);
        assertThat(summary.replays()).isEqualTo(1);
        assertThat(summary.deadLettersByCode()).containsExactly(Map.entry("CORRUPT_FILE", 1));
        assertThat(summary.pagesCharged()).isEqualTo(2L);
        assertThat(summary.toString()).contains("3 files", "EXTRACTED=2", "pages charged 2");
    }

    @Test
    void aFileWithoutAResultFails() {
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(FILES)
                .results(List.of(result("f-1", "sub-1", ResultStatus.EXTRACTED, null),
                        result("f-3", "sub-1", ResultStatus.EXTRACTED, null)))
                .check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("registered files without a result (1)")
                .hasMessageContaining("f-2");
    }

    @Test
    void aFileOnlyOnADeadLetterTopicHasNoResultAndTheMessageSaysWhereItIs() {
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1", "f-2"))
                .results(List.of(result("f-1", "sub-1", ResultStatus.EXTRACTED, null)))
                .deadLetters(List.of(deadLetter("upload-sessions-planned.DLT", "INVALID_INPUT", "f-2")))
                .check())
                .hasMessageContaining("registered files without a result (1)")
                .hasMessageContaining("f-2 (dead letters naming it: [upload-sessions-planned.DLT INVALID_INPUT])")
                .hasMessageContaining("dead letters {INVALID_INPUT=1}");
    }

    @Test
    void aFileWithTwoResultIdsFails() {
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1"))
                .results(List.of(result("f-1", "sub-1", ResultStatus.FAILED, "ENCRYPTED_FILE"),
                        result("f-1", "sub-2", ResultStatus.EXTRACTED, null)))
                .check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("files with more than one result id (1)")
                .hasMessageContaining("f-1 [f-1/sub-1=FAILED ENCRYPTED_FILE, f-1/sub-2=EXTRACTED]");
    }

    @Test
    void allowingRetriesAReplayOfAFailedFileSupersedesItButTwoIdsOfOneGenerationStillFail() {
        ExtractionResult failed = result("f-1", "us-1", ResultStatus.FAILED, "OBJECT_SIZE_MISMATCH");
        ExtractionResult replayed = ExtractionResult.newBuilder(result("f-1", "sub-2", ResultStatus.EXTRACTED, null))
                .setRetryGeneration(1).build();

        ResultInvariant.Summary summary = ResultInvariant.forRegisteredFiles(List.of("f-1")).allowingRetries()
                .results(List.of(failed, replayed)).expectAll(ResultStatus.EXTRACTED).check();
        assertThat(summary.count(ResultStatus.EXTRACTED)).isEqualTo(1);

        ExtractionResult second = ExtractionResult.newBuilder(result("f-1", "sub-3", ResultStatus.EXTRACTED, null))
                .setRetryGeneration(1).build();
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1")).allowingRetries()
                .results(List.of(failed, replayed, second)).check())
                .hasMessageContaining("files with more than one result id");
        ExtractionResult extractedThenReplayed = result("f-1", "sub-1", ResultStatus.EXTRACTED, null);
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1")).allowingRetries()
                .results(List.of(extractedThenReplayed, replayed)).check())
                .hasMessageContaining("superseded generations not ended DEAD_LETTERED or FAILED");
    }

    @Test
    void replaysOfOneIdThatDisagreeFail() {
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1"))
                .results(List.of(result("f-1", "sub-1", ResultStatus.EXTRACTED, null),
                        result("f-1", "sub-1", ResultStatus.FAILED, "INTERNAL_ERROR")))
                .check())
                .hasMessageContaining("replays of one result id that disagree");
    }

    @Test
    void aResultForAFileNeverRegisteredFails() {
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1"))
                .results(List.of(result("f-1", "sub-1", ResultStatus.EXTRACTED, null),
                        result("stranger", "sub-1", ResultStatus.EXTRACTED, null)))
                .check())
                .hasMessageContaining("results for files never registered (1)")
                .hasMessageContaining("stranger");
    }

    @Test
    void aNonTerminalStatusFails() {
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1"))
                .results(List.of(result("f-1", "sub-1", ResultStatus.UNKNOWN, null)))
                .check())
                .hasMessageContaining("results not in a terminal status");
    }

    @Test
    void anUnexpectedStatusOrCodeFailsNamingTheFileAndWhatItGot() {
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(FILES)
                .results(List.of(result("f-1", "sub-1", ResultStatus.EXTRACTED, null),
                        result("f-2", "sub-1", ResultStatus.FAILED, "ENCRYPTED_FILE"),
                        result("f-3", "us-1", ResultStatus.DEAD_LETTERED, "INVALID_INPUT")))
                .expectAll(ResultStatus.EXTRACTED)
                .expect("f-3", "INVALID_FILE_NAME", ResultStatus.DEAD_LETTERED)
                .check())
                .hasMessageContaining("files not ending as expected (2)")
                .hasMessageContaining("f-2: expected EXTRACTED, got FAILED ENCRYPTED_FILE")
                .hasMessageContaining("f-3: expected DEAD_LETTERED INVALID_FILE_NAME, got DEAD_LETTERED INVALID_INPUT");
    }

    @Test
    void anyOfSeveralStatusesMayBeExpected() {
        ResultInvariant.forRegisteredFiles(List.of("f-1"))
                .results(List.of(result("f-1", "sub-1", ResultStatus.FAILED, "ENCRYPTED_FILE")))
                .expect("f-1", "ENCRYPTED_FILE", ResultStatus.DEAD_LETTERED, ResultStatus.FAILED)
                .check();
    }

    @Test
    void aDeadLetteredFileWithoutADeadLetterWithItsCodeFails() {
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1", "f-2"))
                .results(List.of(result("f-1", "us-1", ResultStatus.DEAD_LETTERED, "CORRUPT_FILE"),
                        result("f-2", "us-1", ResultStatus.DEAD_LETTERED, "EMPTY_FILE")))
                .deadLetters(List.of(deadLetter("files-registered.DLT", "CORRUPT_FILE", "f-1"),
                        deadLetter("files-registered.DLT", "POISON_RECORD", "f-2")))
                .check())
                .hasMessageContaining("DEAD_LETTERED files without a dead letter naming them with their code (1)")
                .hasMessageContaining("f-2 (result code EMPTY_FILE; dead letters naming it: [files-registered.DLT POISON_RECORD])");
    }

    @Test
    void aSubmissionWithTwoExtractionsOrPagesChargedTwiceFail() {
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1"))
                .results(List.of(result("f-1", "sub-1", ResultStatus.EXTRACTED, null)))
                .sandboxCounters(counters(Map.of("sub-1", 2L), 2, 1), 1)
                .oneExtractionPerUploadSession()
                .check())
                .hasMessageContaining("submission ids with more than one extraction (1)")
                .hasMessageContaining("sub-1 x2")
                .hasMessageContaining("2 charged, expected 1")
                .hasMessageContaining("2 extractions for 1 upload sessions");
    }

    @Test
    void registeredIdsMustBeDistinctAndExpectationsMustNameRegisteredFiles() {
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1", "f-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1")).expect("f-9", ResultStatus.FAILED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultRecordsAreDecodedFromTheirBytes() {
        ExtractionResult result = result("f-1", "sub-1", ResultStatus.EXTRACTED, null);
        byte[] bytes = new EventSerializer<ExtractionResult>().serialize("extraction-results", result);
        ResultInvariant.forRegisteredFiles(List.of("f-1"))
                .resultRecords(List.of(new ConsumerRecord<>("extraction-results", 0, 0, "f-1", bytes)))
                .expectAll(ResultStatus.EXTRACTED)
                .check();
        assertThatThrownBy(() -> ResultInvariant.forRegisteredFiles(List.of("f-1"))
                .resultRecords(List.of(new ConsumerRecord<>("extraction-results", 0, 7, "f-1", new byte[] {1, 2})))
                .check())
                .hasMessageContaining("offset 7");
    }

    @Test
    void deadLettersNameTheFilesOfAnEventOrOfAJsonPlanAndNoneOfPoison() {
        FileRegistered registered = SampleEvents.fileRegistered();
        byte[] event = new EventSerializer<FileRegistered>().serialize("files-registered", registered);
        DeadLetter ofEvent = DeadLetter.of(dltRecord("files-registered.DLT", event, "CORRUPT_FILE"));
        assertThat(ofEvent.fileIds()).containsExactly(registered.getFileId());
        assertThat(ofEvent.code()).isEqualTo("CORRUPT_FILE");
        assertThat(ofEvent.message()).isEqualTo("CORRUPT_FILE: broken");

        byte[] plan = "{\"uploadSessionId\":\"us-1\",\"files\":[{\"fileId\":\"a\"},{\"fileId\":\"b\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(DeadLetter.of(dltRecord("upload-sessions-planned.DLT", plan, "INVALID_INPUT")).fileIds())
                .containsExactlyInAnyOrder("a", "b");

        byte[] poison = "poison bytes".getBytes(StandardCharsets.UTF_8);
        assertThat(DeadLetter.of(dltRecord("parts-uploaded.DLT", poison, "NOT_AN_EVENT")).fileIds()).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> dltRecord(String topic, byte[] value, String code) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0, "k", value);
        record.headers().add(PipelineHeaders.ERROR_CODE, code.getBytes(StandardCharsets.UTF_8));
        record.headers().add(PipelineHeaders.ERROR_MESSAGE, (code + ": broken").getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static DeadLetter deadLetter(String topic, String code, String fileId) {
        return new DeadLetter(topic, code, code + " of " + fileId, "false", Set.of(fileId));
    }

    private static AccountCounters counters(Map<String, Long> extractionsBySubmission, long pagesCharged,
                                            long sessions) {
        return new AccountCounters(Map.of(), 0, sessions, 0, 0, extractionsBySubmission, pagesCharged,
                new CreditsSnapshot(100, 0), 1);
    }

    private static ExtractionResult result(String fileId, String idSuffix, ResultStatus status, String code) {
        return ExtractionResult.newBuilder()
                .setResultId(fileId + "/" + idSuffix)
                .setStatus(status)
                .setFileId(fileId)
                .setFileName(fileId + ".pdf")
                .setSourceUri("file:///in/" + fileId + ".pdf")
                .setProfile("invoices")
                .setRegisteredAt(Instant.parse("2026-07-01T09:30:00Z"))
                .setError(code == null ? null
                        : ErrorInfo.newBuilder().setCode(code).setMessage(code + " of " + fileId).setRetryable(false).build())
                .setProducedAt(Instant.parse("2026-07-01T09:31:00Z"))
                .build();
    }
}
