package org.invoicepipeline.local;

import org.invoicepipeline.common.testing.ResultInvariant;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.register.FolderRegistrar;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content de-duplication on the whole pipeline (real KRaft broker, in-process sandbox): the same PDF under two names
 * in one run is uploaded and extracted once, and both files end EXTRACTED with the same rows, the one not uploaded
 * naming the other in duplicate_of; the page is charged once. The output files come from the signed URLs the poll
 * stage carried from the completed status: no call to the output endpoint.
 */
class ContentDeduplicationIT {

    @TempDir
    Path input;

    @TempDir
    Path output;

    @Test
    void theSamePdfUnderTwoNamesIsExtractedOnceAndBothFilesGetItsRows() throws Exception {
        List<SampleInvoice> invoices = PipelineFixture.writeInvoices(input, 31, 2);
        SampleInvoice original = invoices.get(0);
        Path copy = input.resolve("copy-of-" + original.fileName());
        Files.copy(input.resolve(original.fileName()), copy);
        String originalId = PipelineFixture.fileIdOf(input, original);
        String copyId = FolderRegistrar.fileIdOf(copy);

        Map<Stage, Map<String, String>> settings = new HashMap<>();
        PipelineFixture.fastClocks().forEach((stage, values) -> settings.put(stage, new HashMap<>(values)));
        settings.computeIfAbsent(Stage.UPLOAD, s -> new HashMap<>()).put("pipeline.upload.dedup.enabled", "true");
        for (Stage stage : Stage.values()) {
            // any free port: the fixed management ports may be taken on a shared machine
            settings.computeIfAbsent(stage, s -> new HashMap<>()).put("management.server.port", "0");
        }
        try (LocalPipeline pipeline = LocalPipeline.start(
                PipelineFixture.options(input, output, 60, Duration.ofMillis(20)), settings)) {
            List<String> registered = pipeline.registerInput().stream().map(FileRegistered::getFileId).toList();
            assertThat(registered).containsExactlyInAnyOrder(originalId, copyId,
                    PipelineFixture.fileIdOf(input, invoices.get(1)));

            PipelineProgress progress = pipeline.awaitAllDone(Duration.ofMinutes(2), Duration.ofMillis(500), p -> { });
            assertThat(progress.allDone()).as("every file ended: %s", progress).isTrue();
            Thread.sleep(1_000); // a quiet period: a late or repeated result would still count

            AccountCounters counters = pipeline.sandbox().orElseThrow().control().counters(LocalPipeline.SANDBOX_API_KEY);
            ResultInvariant.Summary summary = PipelineFixture.invariant(pipeline, registered)
                    .expectAll(ResultStatus.EXTRACTED)
                    .sandboxCounters(counters, 2) // one page per distinct invoice: the copy is not charged
                    .check();
            System.out.println("invariant: " + summary);
            assertThat(counters.calls("completeFileUpload")).as("files uploaded").isEqualTo(2);
            assertThat(counters.calls("getOutputDownloadUrl"))
                    .as("output files fetched from the URLs the poll stage carried: no output-endpoint call").isZero();

            Map<String, List<ExtractionResult>> results = pipeline.monitor().results();
            ExtractionResult ofOriginal = results.get(originalId).get(0);
            ExtractionResult ofCopy = results.get(copyId).get(0);
            // which of the two the planner read first is up to the registrar's order: exactly one names the other
            ExtractionResult first = ofOriginal.getDuplicateOf() == null ? ofOriginal : ofCopy;
            ExtractionResult duplicate = first == ofOriginal ? ofCopy : ofOriginal;
            assertThat(first.getDuplicateOf()).isNull();
            assertThat(duplicate.getDuplicateOf()).isEqualTo(first.getFileId());
            assertThat(duplicate.getRows()).isEqualTo(first.getRows());
            assertThat(duplicate.getColumns()).isEqualTo(first.getColumns());
            assertThat(duplicate.getExtractionId()).isEqualTo(first.getExtractionId());
            assertThat(duplicate.getResultId()).isEqualTo(duplicate.getFileId() + "/" + first.getSubmissionId());
            PipelineFixture.assertKnownValues(ofOriginal, original);
            PipelineFixture.assertKnownValues(ofCopy, original);
            assertThat(ofCopy.getFileName()).isEqualTo(copy.getFileName().toString());
            assertThat(results.get(PipelineFixture.fileIdOf(input, invoices.get(1))).get(0).getDuplicateOf()).isNull();
        }
    }
}
