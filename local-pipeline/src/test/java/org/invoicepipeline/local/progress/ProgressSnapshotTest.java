package org.invoicepipeline.local.progress;

import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.monitor.FileProgress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressSnapshotTest {

    @Test
    void pagesCountTheApiProgressOfExtractionsInFlightAndLeaveOutRejectedFiles() {
        List<FileProgress> files = List.of(
                new FileProgress("a", true, true, true, result("a", ResultStatus.EXTRACTED), null, "e1"),
                new FileProgress("b", true, true, false, null, null, "e2"),
                new FileProgress("c", true, true, false, null, null, "e2"),
                new FileProgress("d", false, false, false, null, null, null),
                new FileProgress("bad", false, false, false, result("bad", ResultStatus.DEAD_LETTERED), null, null));
        Map<String, Integer> pages = Map.of("a", 2, "b", 4, "c", 6, "d", 8, "bad", 3);

        ProgressSnapshot snapshot = ProgressSnapshot.of(files, pages, Map.of("e2", 50), Duration.ofSeconds(30));

        assertThat(snapshot.pagesTotal()).isEqualTo(20);
        assertThat(snapshot.pagesDone()).isEqualTo(2 + 5);
        assertThat(snapshot.done()).isEqualTo(2);
        assertThat(snapshot.extracted()).isEqualTo(1);
        assertThat(snapshot.byStage()).containsEntry(FileProgress.Stage.EXTRACTION, 2).containsEntry(FileProgress.Stage.UPLOAD, 1);
        // 7 of 20 pages in 30 s: 13 more take about 55.7 s
        assertThat(snapshot.eta()).hasValueSatisfying(eta -> assertThat(eta.toSeconds()).isEqualTo(55));
        assertThat(snapshot.line()).isEqualTo(
                "0:30  5 files: upload 1, submit 0, extract 2, download 0, done 2 (1 extracted)  pages 7/20  ETA 0:55");
    }

    @Test
    void noEstimateBeforeAnythingProgressed() {
        ProgressSnapshot snapshot = ProgressSnapshot.of(
                List.of(new FileProgress("a", false, false, false, null, null, null)), Map.of(), Map.of(), Duration.ofSeconds(3));

        assertThat(snapshot.eta()).isEmpty();
        assertThat(snapshot.line()).endsWith("ETA --").doesNotContain("pages");
        assertThat(ProgressSnapshot.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }

    private static ExtractionResult result(String id, ResultStatus status) {
        return ExtractionResult.newBuilder().setResultId(id).setStatus(status).setFileId(id).setFileName(id)
                .setSourceUri("file:///" + id).setProfile("invoices").setRegisteredAt(Instant.EPOCH)
                .setError(status == ResultStatus.EXTRACTED ? null : new ErrorInfo("X", "x", false, null))
                .setProducedAt(Instant.EPOCH).build();
    }
}
