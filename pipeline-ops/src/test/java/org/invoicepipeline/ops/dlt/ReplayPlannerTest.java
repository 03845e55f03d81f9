package org.invoicepipeline.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.invoicepipeline.common.events.SampleEvents;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.ops.kafka.DeadLetterRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplayPlannerTest {

    private static final String FILE = "erp-42:inv-1";

    static Stream<Arguments> decisions() {
        return Stream.of(
                Arguments.of("a first replay", registration(0), ReplayHistory.none(), ReplayDecision.Action.REPLAY),
                Arguments.of("a replay of a failed replay", registration(1),
                        new ReplayHistory(Set.of(), Map.of(FILE, 1), Map.of(FILE, 1)), ReplayDecision.Action.REPLAY),
                Arguments.of("the same dead letter again (marker)", registration(0),
                        new ReplayHistory(Set.of("files-registered.DLT-0@7"), Map.of(), Map.of()),
                        ReplayDecision.Action.SKIP_ALREADY_REPLAYED),
                Arguments.of("its next generation already registered", registration(0),
                        new ReplayHistory(Set.of(), Map.of(FILE, 1), Map.of()), ReplayDecision.Action.SKIP_ALREADY_REPLAYED),
                Arguments.of("a later generation has a result", registration(0),
                        new ReplayHistory(Set.of(), Map.of(), Map.of(FILE, 2)), ReplayDecision.Action.SKIP_SUPERSEDED),
                Arguments.of("only its own generation has a result", registration(0),
                        new ReplayHistory(Set.of(), Map.of(FILE, 0), Map.of(FILE, 0)), ReplayDecision.Action.REPLAY),
                Arguments.of("unreadable bytes", null, ReplayHistory.none(), ReplayDecision.Action.SKIP_UNREADABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decides(String situation, SpecificRecord original, ReplayHistory history, ReplayDecision.Action expected) {
        List<ReplayDecision> decisions = ReplayPlanner.decide(List.of(deadLetter(7, original)), history);

        assertThat(decisions).singleElement().extracting(ReplayDecision::action).isEqualTo(expected);
    }

    @Test
    void aReplayIsTheNextGenerationOfTheDeadLetteredWork() {
        ReplayDecision decision = ReplayPlanner.decide(List.of(deadLetter(7, registration(2))), ReplayHistory.none())
                .get(0);

        assertThat(decision.generation()).isEqualTo(2);
        assertThat(decision.nextGeneration()).isEqualTo(3);
        assertThat(((FileRegistered) Replays.withGeneration(decision.record().event(), 3)).getRetryGeneration())
                .isEqualTo(3);
    }

    @Test
    void twoDeadLettersOfTheSameWorkReplayOnce() {
        List<ReplayDecision> decisions = ReplayPlanner.decide(
                List.of(deadLetter(7, registration(0)), deadLetter(8, registration(0))), ReplayHistory.none());

        assertThat(decisions).extracting(ReplayDecision::action)
                .containsExactly(ReplayDecision.Action.REPLAY, ReplayDecision.Action.SKIP_SAME_WORK);
    }

    @Test
    void everyFileOfALaterStagesEventGetsTheNextGeneration() {
        var completed = SampleEvents.extractionCompleted();

        var replayed = (org.invoicepipeline.events.ExtractionCompleted) Replays.withGeneration(completed, 1);

        assertThat(replayed.getFiles()).isNotEmpty().allSatisfy(f -> assertThat(f.getRetryGeneration()).isEqualTo(1));
        assertThat(replayed.getSubmissionId()).isEqualTo(completed.getSubmissionId());
    }

    private static FileRegistered registration(int generation) {
        return FileRegistered.newBuilder(SampleEvents.fileRegistered()).setFileId(FILE).setRetryGeneration(generation)
                .build();
    }

    private static DeadLetterRecord deadLetter(long offset, SpecificRecord event) {
        return new DeadLetterRecord("files-registered.DLT", 0, offset, Instant.EPOCH, "upload", "SOURCE_NOT_READABLE",
                "gone", false, 1, "files-registered", 0, 3L, null, new byte[0], new RecordHeaders(), event);
    }
}
