package org.invoicepipeline.local;

import org.invoicepipeline.common.testing.ResultInvariant;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.upload.config.UploadWorkerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crashes mid-batch: each worker is stopped and started again while files are moving, then all four at once.
 * No file is lost, no extraction is created twice for the same submission, and no page is charged twice.
 */
class RestartIT {

    private static final int FILES = 30;

    @TempDir
    Path input;

    @TempDir
    Path output;

    @Test
    void restartingEachWorkerAndThenAllLosesNothingAndChargesNothingTwice() throws Exception {
        List<SampleInvoice> invoices = PipelineFixture.writeInvoices(input, 100, FILES);
        Map<Stage, Map<String, String>> settings = new java.util.HashMap<>(PipelineFixture.fastClocks());
        // Small sessions, so the batch spans several sessions and extractions and every stage is mid-batch at some point.
        settings.put(Stage.UPLOAD, Map.of(UploadWorkerProperties.PLANNER_LINGER, "300ms",
                UploadWorkerProperties.PLANNER_MAX_FILES_PER_SESSION, "5"));
        try (LocalPipeline pipeline = LocalPipeline.start(
                PipelineFixture.options(input, output, 60, Duration.ofMillis(300)), settings)) {
            List<String> registered = pipeline.registerInput().stream().map(FileRegistered::getFileId).toList();

            restartWhen(pipeline, Stage.UPLOAD, p -> p.uploaded() > 0);
            restartWhen(pipeline, Stage.SUBMIT, p -> p.uploaded() > 0);
            restartWhen(pipeline, Stage.POLL, p -> p.submitted() > p.completed());
            awaitMidBatch(pipeline, p -> p.completed() > 0);
            System.out.println("restarting all at " + pipeline.progress().line());
            pipeline.workers().close();
            pipeline.workers().startAll();
            restartWhen(pipeline, Stage.DOWNLOAD, p -> p.withResult() > 0);

            PipelineProgress progress = pipeline.awaitAllDone(Duration.ofMinutes(3), Duration.ofMillis(500), p -> { });

            assertThat(progress.allDone()).as("every file ended: %s", progress).isTrue();
            Thread.sleep(2_000); // a quiet period: a replay published late would still count
            ResultInvariant.Summary summary = PipelineFixture.invariant(pipeline, registered)
                    .expectAll(ResultStatus.EXTRACTED)
                    .sandboxCounters(pipeline.sandbox().orElseThrow().control().counters(LocalPipeline.SANDBOX_API_KEY),
                            FILES)
                    .check();
            System.out.println("invariant: " + summary);
            assertThat(summary.deadLettersByCode()).as("dead letters").isEmpty();
            Map<String, List<ExtractionResult>> results = pipeline.monitor().results();
            for (SampleInvoice invoice : invoices) {
                PipelineFixture.assertKnownValues(results.get(PipelineFixture.fileIdOf(input, invoice)).get(0), invoice);
            }
            AccountCounters counters = pipeline.sandbox().orElseThrow().control().counters(LocalPipeline.SANDBOX_API_KEY);
            assertThat(counters.filesCompleted()).isEqualTo(FILES);
        }
    }

    private static void restartWhen(LocalPipeline pipeline, Stage stage, Predicate<PipelineProgress> midBatch) {
        awaitMidBatch(pipeline, midBatch);
        System.out.println("restarting " + stage + " at " + pipeline.progress().line());
        pipeline.workers().restart(stage);
    }

    private static void awaitMidBatch(LocalPipeline pipeline, Predicate<PipelineProgress> midBatch) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> midBatch.test(pipeline.progress()) || pipeline.progress().allDone());
    }
}
