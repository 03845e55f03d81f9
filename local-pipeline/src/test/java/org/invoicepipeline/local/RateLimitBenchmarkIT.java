package org.invoicepipeline.local;

import org.invoicepipeline.download.config.DownloadWorkerProperties;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.upload.config.UploadWorkerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 500+ files against a sandbox enforcing the documented rate limits, windows scaled down: the pipeline must not
 * provoke a single 429. The measured throughput goes to {@code target/benchmarks/README.md} (a report, not an assertion;
 * {@code -Dbenchmarks.update=true} refreshes the committed {@code benchmarks/README.md}).
 */
class RateLimitBenchmarkIT {

    private static final int FILES = 520;
    private static final double SCALE = 20.0;

    @TempDir
    Path input;

    @TempDir
    Path output;

    @Test
    void fiveHundredFilesUnderScaledDocumentedLimitsProvokeNo429() throws Exception {
        PipelineFixture.writeInvoices(input, 1_000, FILES);
        Map<Stage, Map<String, String>> settings = new java.util.HashMap<>(PipelineFixture.fastClocks());
        settings.put(Stage.UPLOAD, Map.of(UploadWorkerProperties.PLANNER_LINGER, "1s",
                UploadWorkerProperties.PLANNER_MAX_FILES_PER_SESSION, "100"));
        settings.put(Stage.DOWNLOAD, Map.of(DownloadWorkerProperties.FORMATS, "json"));
        try (LocalPipeline pipeline = LocalPipeline.start(
                PipelineFixture.options(input, output, SCALE, Duration.ofMillis(5)), settings)) {
            Instant start = Instant.now();
            pipeline.registerInput();

            PipelineProgress progress = pipeline.awaitAllDone(Duration.ofMinutes(4), Duration.ofSeconds(1), p -> { });
            Duration elapsed = Duration.between(start, Instant.now());

            AccountCounters counters = pipeline.sandbox().orElseThrow().control().counters(LocalPipeline.SANDBOX_API_KEY);
            report(progress, counters, elapsed);
            assertThat(progress.allDone()).as("every file ended: %s", progress).isTrue();
            assertThat(progress.resultsByStatus()).containsEntry("EXTRACTED", FILES);
            assertThat(counters.rateLimitedResponses()).as("429 responses").isZero();
        }
    }

    private static void report(PipelineProgress progress, AccountCounters counters, Duration elapsed) throws IOException {
        double minutes = elapsed.toMillis() / 60_000.0;
        double filesPerMinute = progress.done() / minutes;
        Map<String, Long> calls = new TreeMap<>();
        counters.callsByOperationAndStatus().forEach((op, byStatus) ->
                calls.put(op, byStatus.values().stream().mapToLong(Long::longValue).sum()));
        StringBuilder md = new StringBuilder();
        md.append("# local-pipeline benchmarks\n\n");
        md.append("Written by `RateLimitBenchmarkIT` (`./mvnw -B -pl local-pipeline -am verify -Dit.test=RateLimitBenchmarkIT -Dbenchmarks.update=true`;\n");
        md.append("every `verify` writes the same report to `target/benchmarks/README.md`);\n");
        md.append("numbers from the last run on the build machine. The sandbox enforces the documented per-key limits\n");
        md.append("with every window ").append((int) SCALE).append("x shorter (ratios kept); the client is scaled the same way.\n\n");
        md.append("| Measure | Value |\n|---|---|\n");
        md.append("| files | ").append(progress.registered()).append(" |\n");
        md.append("| results | ").append(progress.resultsByStatus()).append(" |\n");
        md.append("| extractions | ").append(progress.extractions()).append(" |\n");
        md.append("| pages charged | ").append(counters.pagesCharged()).append(" |\n");
        md.append("| 429 responses | ").append(counters.rateLimitedResponses()).append(" |\n");
        md.append(String.format("| elapsed (scaled clock) | %.1f s |%n", elapsed.toMillis() / 1000.0));
        md.append(String.format("| throughput (scaled clock) | %.0f files/min |%n", filesPerMinute));
        long uploadCalls = calls.getOrDefault("getUploadPartUrls", 0L) + calls.getOrDefault("completeFileUpload", 0L)
                + calls.getOrDefault("createUploadSession", 0L);
        double uploadBound = 600.0 * progress.registered() / Math.max(uploadCalls, 1);
        md.append(String.format("| measured throughput ÷ scale (documented limits) | %.0f files/min |%n", filesPerMinute / SCALE));
        md.append(String.format("| binding limit at documented rates (uploads, 600/min for %d calls) | %.0f files/min |%n",
                uploadCalls, uploadBound));
        md.append("\nAPI calls by operation: `").append(calls).append("`\n\n");
        md.append("At the documented limits the upload endpoints (600 requests/min shared, about two calls per file:\n");
        md.append("part URLs and completion) bind first; submissions (30/min) carry 100 files each here, and one\n");
        md.append("long-poll per extraction suffices for the status (120/min). The measured figure divided by the scale\n");
        md.append("also includes page processing and start-up, so it sits below the binding limit. Measured ")
                .append(Instant.now()).append(".\n");
        // Every run reports under target/; -Dbenchmarks.update=true also refreshes the committed report.
        Path report = Path.of("target", "benchmarks", "README.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, md.toString());
        if (Boolean.getBoolean("benchmarks.update")) {
            Files.writeString(Path.of("benchmarks", "README.md"), md.toString());
        }
    }
}
