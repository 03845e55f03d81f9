package org.invoicepipeline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.common.config.ApiClientProperties;
import org.invoicepipeline.common.config.AvroTrustedPackages;
import org.invoicepipeline.download.config.DownloadWorkerProperties;
import org.invoicepipeline.local.LocalPipeline;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.upload.config.UploadWorkerProperties;

/**
 * The benchmark harness: runs the local pipeline against the API sandbox in several set-ups and writes
 * {@code reports/README.md} with the numbers and PNG plots next to it. Arguments: {@code name=size} of the runs to
 * do (e.g. {@code throughput=1000 latency=60 unthrottled=1000 comparison=300}, the sizes of {@code all}).
 */
public final class BenchmarkMain {

    /** The key's upload ceiling: 600 upload-group calls a minute ÷ 2.002 calls per file (500-file sessions). */
    static final double CEILING_FILES_PER_MINUTE = 600 / 2.002;
    static final Duration LATENCY = Duration.ofMillis(150);
    static final Duration PAGE_TIME = Duration.ofSeconds(1);

    private final Path reports;
    private final Path work;
    private final StringBuilder md = new StringBuilder();
    /** Target rows: measure, target, measured, met. */
    private final List<String[]> targets = new ArrayList<>();

    private BenchmarkMain(Path reports, Path work) {
        this.reports = reports;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        AvroTrustedPackages.trust();
        Map<String, Integer> runs = new LinkedHashMap<>();
        // Maven passes -Dbenchmarks.args as one argument: split it
        for (String arg : String.join(" ", args.length == 0 ? new String[] {"all"} : args).trim().split("[\\s,]+")) {
            if (arg.equals("all")) {
                runs.putAll(Map.of("throughput", 1000, "latency", 60, "unthrottled", 1000, "comparison", 300));
            }
            else if (arg.contains("=")) {
                runs.put(arg.substring(0, arg.indexOf('=')), Integer.parseInt(arg.substring(arg.indexOf('=') + 1)));
            }
        }
        Path reports = Files.createDirectories(Path.of("reports"));
        BenchmarkMain main = new BenchmarkMain(reports, Files.createTempDirectory("benchmarks"));
        main.header(runs);
        for (String run : List.of("throughput", "latency", "unthrottled", "comparison")) {
            Integer size = runs.get(run);
            if (size == null) {
                continue;
            }
            System.out.println("benchmark " + run + " (" + size + ") starts " + Instant.now());
            switch (run) {
                case "throughput" -> main.throughput(size);
                case "latency" -> main.latency(size);
                case "unthrottled" -> main.unthrottled(size);
                default -> main.comparison(size);
            }
            Files.writeString(reports.resolve("README.md"), main.md + main.targetTable());
        }
        System.out.println("report: " + reports.toAbsolutePath().resolve("README.md"));
        System.exit(0);
    }

    private void header(Map<String, Integer> runs) {
        md.append("# Throughput benchmark report\n\n");
        md.append("Written by `org.invoicepipeline.benchmarks.BenchmarkMain` (module `benchmarks`, run with\n");
        md.append("`./mvnw -B -pl benchmarks -am verify -P run-benchmarks -DskipTests -Dbenchmarks.args=\"...\"`; never part of\n");
        md.append("the normal `verify`). Each run starts the whole local pipeline (embedded KRaft broker, the API sandbox, the\n");
        md.append("four workers, one JVM) on generated invoices (one page each). The sandbox enforces the **documented** per-key\n");
        md.append("limits (scale 1) unless stated, processes 4 pages of an extraction at a time, ")
                .append(PAGE_TIME.toMillis()).append(" ms per page.\n");
        md.append("Runs and sizes: `").append(runs).append("`. Measured ").append(Instant.now())
                .append(" on the shared 2-core build machine.\n\n");
        md.append(String.format("Ceiling of one key: 600 upload calls/min ÷ 2.002 calls per file = **%.1f files/min**.%n%n",
                CEILING_FILES_PER_MINUTE));
    }

    private static Map<Stage, Map<String, String>> baseSettings(int maxFilesPerSession) {
        Map<Stage, Map<String, String>> settings = new LinkedHashMap<>();
        settings.put(Stage.UPLOAD, Map.of(UploadWorkerProperties.PLANNER_LINGER, "1s",
                UploadWorkerProperties.PLANNER_MAX_FILES_PER_SESSION, Integer.toString(maxFilesPerSession)));
        settings.put(Stage.DOWNLOAD, Map.of(DownloadWorkerProperties.FORMATS, "json"));
        return settings;
    }

    /** Upload throughput ÷ ceiling over time at 150 ms per call, 429s, API calls per file, polls per extraction. */
    private void throughput(int files) throws Exception {
        Path dir = Files.createDirectories(work.resolve("throughput"));
        try (PipelineRun run = PipelineRun.start(dir, 1.0, PAGE_TIME, LATENCY, baseSettings(500))) {
            PipelineRun.writeInvoices(run.input, 1, files);
            CallSampler sampler = new CallSampler(run::counters);
            run.pipeline.registerInput();
            PipelineProgress progress = run.awaitAllDone(Duration.ofMinutes(20));
            sampler.close();
            AccountCounters counters = run.counters();
            List<CallSampler.Sample> samples = sampler.samples();

            // files/min over a trailing 30 s window, ÷ ceiling, while the stage is busy (first to last upload)
            int firstIndex = 0;
            while (firstIndex < samples.size() - 1 && samples.get(firstIndex + 1).filesUploaded() == 0) {
                firstIndex++;
            }
            List<double[]> ratio = new ArrayList<>();
            for (int i = firstIndex + 30; i < samples.size(); i++) {
                CallSampler.Sample now = samples.get(i);
                CallSampler.Sample before = samples.get(i - 30);
                double perMinute = (now.filesUploaded() - before.filesUploaded()) * 60.0 / (now.seconds() - before.seconds());
                ratio.add(new double[] {now.seconds(), perMinute / CEILING_FILES_PER_MINUTE});
                if (now.filesUploaded() >= files) {
                    break;
                }
            }
            CallSampler.Sample first = samples.get(firstIndex);
            CallSampler.Sample last = samples.stream().filter(s -> s.filesUploaded() >= files).findFirst()
                    .orElse(samples.get(samples.size() - 1));
            double busyMinutes = (last.seconds() - first.seconds()) / 60.0;
            double uploadRate = (last.filesUploaded() - first.filesUploaded()) / busyMinutes;
            double lowest = ratio.stream().mapToDouble(p -> p[1]).min().orElse(Double.NaN);
            double steady = ratio.stream().mapToDouble(p -> p[1]).average().orElse(Double.NaN);
            Charts.line(reports.resolve("upload-throughput-ratio.png"),
                    "Upload stage: files/min ÷ ceiling (" + files + " files, 150 ms per call, documented limits)",
                    "seconds since registration", "files/min ÷ 299.7", "trailing 30 s (dashed: 1.0 and 0.97)", ratio,
                    1.0, 0.97);

            Map<String, Long> calls = callsByOperation(counters);
            long uploadGroup = calls.getOrDefault("createUploadSession", 0L) + calls.getOrDefault("getUploadPartUrls", 0L)
                    + calls.getOrDefault("completeFileUpload", 0L);
            long apiCalls = calls.entrySet().stream().filter(e -> !e.getKey().equals("uploadPart")
                    && !e.getKey().equals("downloadOutput")).mapToLong(Map.Entry::getValue).sum();
            long extractions = counters.extractionsCreated();
            md.append("## 1. Upload throughput at 150 ms per call (").append(files).append(" files, 500-file sessions)\n\n");
            md.append("Every sandbox operation (API and storage) answers 150 ms late; documented limits; the client's\n");
            md.append("defaults (`pipeline.api.rate-limit-burst-fraction` 0.01, `rate-limit-window-margin` 0.01,\n");
            md.append("`pipeline.upload.uploader.file-concurrency` 8).\n\n");
            md.append("![upload throughput ratio](upload-throughput-ratio.png)\n\n");
            md.append("| Measure | Value |\n|---|---|\n");
            md.append("| results | ").append(progress.resultsByStatus()).append(" |\n");
            md.append(String.format("| upload stage, first to last completed file | %.1f files/min = **%.3f of the ceiling** |%n",
                    uploadRate, uploadRate / CEILING_FILES_PER_MINUTE));
            md.append(String.format("| trailing-30 s ratio while busy: mean / lowest | %.3f / %.3f |%n", steady, lowest));
            md.append(String.format("| the limiter's sustained rate (588.1 calls/min ÷ 2.002) | %.3f of the ceiling |%n",
                    588.1 / 600));
            md.append("| 429 responses | **").append(counters.rateLimitedResponses()).append("** |\n");
            md.append(String.format("| upload-group calls per file | %.4f (%d for %d files) |%n", uploadGroup / (double) files,
                    uploadGroup, files));
            md.append(String.format("| all API calls per file (storage PUT/GET excluded) | %.4f (%d) |%n",
                    apiCalls / (double) files, apiCalls));
            md.append(String.format("| extractions | %d; polls (getExtraction) per extraction %.2f |%n", extractions,
                    calls.getOrDefault("getExtraction", 0L) / (double) Math.max(1, extractions)));
            md.append("\nAPI calls by operation: `").append(calls).append("`\n\n");
            target("upload-stage throughput ÷ ceiling at 150 ms", "≥ 0.97",
                    String.format("%.3f (%d files)", uploadRate / CEILING_FILES_PER_MINUTE, files),
                    uploadRate / CEILING_FILES_PER_MINUTE >= 0.97);
            target("429 responses at 150 ms", "0", Long.toString(counters.rateLimitedResponses()),
                    counters.rateLimitedResponses() == 0);
            target("upload-group API calls per file, 500-file sessions", "≤ 2.005",
                    String.format("%.4f (all API calls: %.4f)", uploadGroup / (double) files, apiCalls / (double) files),
                    uploadGroup / (double) files <= 2.005);
        }
    }

    /** Completion → result latency with one-file extractions offered at 30 a minute (one registration every 2 s). */
    private void latency(int extractions) throws Exception {
        Path dir = Files.createDirectories(work.resolve("latency"));
        Map<Stage, Map<String, String>> settings = baseSettings(1);
        settings.put(Stage.UPLOAD, Map.of(UploadWorkerProperties.PLANNER_LINGER, "200ms",
                UploadWorkerProperties.PLANNER_MAX_FILES_PER_SESSION, "1"));
        try (PipelineRun run = PipelineRun.start(dir, 1.0, PAGE_TIME, LATENCY, settings)) {
            Instant start = Instant.now();
            for (int i = 0; i < extractions; i++) {
                PipelineRun.writeInvoices(run.input, 10_000 + i, 1);
                run.pipeline.registerInput();
                Thread.sleep(2_000);
            }
            PipelineProgress progress = run.awaitAllDone(Duration.ofMinutes(10));
            double minutes = Duration.between(start, Instant.now()).toMillis() / 60_000.0;
            List<Double> seconds = EventTimes.completionToResultSeconds(run.pipeline.bootstrapServers());
            Charts.histogram(reports.resolve("completion-to-result.png"),
                    "Completion → result (" + seconds.size() + " extractions offered at 30/min)",
                    "seconds from ExtractionCompleted.completed_at to the last ExtractionResult.produced_at", seconds, 0.1);
            Map<String, Long> calls = callsByOperation(run.counters());
            long created = run.counters().extractionsCreated();
            md.append("## 2. Completion → result latency (").append(extractions)
                    .append(" one-file extractions, offered at 30/min)\n\n");
            md.append("One file registered every 2 s, each its own session and extraction; 150 ms per call; download\n");
            md.append("formats `json`. Completion is `ExtractionCompleted.completed_at` (the poll stage's long-poll answer,\n");
            md.append("moments after the API completes); result is the extraction's last `ExtractionResult.produced_at`.\n\n");
            md.append("![completion to result](completion-to-result.png)\n\n");
            md.append("| Measure | Value |\n|---|---|\n");
            md.append("| results | ").append(progress.resultsByStatus()).append(" |\n");
            md.append(String.format("| extractions measured | %d (created %d, %.1f/min over the run) |%n", seconds.size(),
                    created, created / minutes));
            md.append(String.format("| p50 / p90 / p99 / max | %.2f / %.2f / **%.2f** / %.2f s |%n",
                    EventTimes.percentile(seconds, 0.5), EventTimes.percentile(seconds, 0.9),
                    EventTimes.percentile(seconds, 0.99), seconds.isEmpty() ? Double.NaN : seconds.get(seconds.size() - 1)));
            md.append(String.format("| polls (getExtraction) per extraction | %.2f |%n",
                    calls.getOrDefault("getExtraction", 0L) / (double) Math.max(1, created)));
            md.append(String.format("| output-group calls (getOutputDownloadUrl) per extraction | %.2f |%n",
                    calls.getOrDefault("getOutputDownloadUrl", 0L) / (double) Math.max(1, created)));
            md.append("\nAPI calls by operation: `").append(calls).append("`\n\n");
            double p99 = EventTimes.percentile(seconds, 0.99);
            target("completion → result p99 at 30 extractions/min offered", "≤ 2 s",
                    String.format("%.2f s (%d extractions)", p99, seconds.size()), p99 <= 2.0);
        }
    }

    /** Files per second with no rate limit on either side, no latency. */
    private void unthrottled(int files) throws Exception {
        Path dir = Files.createDirectories(work.resolve("unthrottled"));
        Map<Stage, Map<String, String>> settings = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            // the sandbox's scale 0 (no limits) is no valid client scale; the client's limiter is off anyway
            settings.put(stage, new LinkedHashMap<>(Map.of("pipeline.api.rate-limit-enabled", "false",
                    ApiClientProperties.RATE_LIMIT_SCALE, "1")));
        }
        settings.get(Stage.UPLOAD).putAll(Map.of(UploadWorkerProperties.PLANNER_LINGER, "500ms",
                UploadWorkerProperties.PLANNER_MAX_FILES_PER_SESSION, "50"));
        settings.get(Stage.DOWNLOAD).put(DownloadWorkerProperties.FORMATS, "json");
        try (PipelineRun run = PipelineRun.start(dir, 0, Duration.ofMillis(100), Duration.ZERO, settings)) {
            PipelineRun.writeInvoices(run.input, 20_000, files);
            Instant start = Instant.now();
            run.pipeline.registerInput();
            PipelineProgress progress = run.awaitAllDone(Duration.ofMinutes(10));
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            md.append("## 3. Unthrottled (").append(files).append(" files)\n\n");
            md.append("Sandbox without rate limits, client limiter off, no added latency, 100 ms per page, 50-file sessions.\n\n");
            md.append("| Measure | Value |\n|---|---|\n");
            md.append("| results | ").append(progress.resultsByStatus()).append(" |\n");
            md.append(String.format("| registration → last result | %.1f s = **%.2f files/s** |%n%n", seconds, files / seconds));
            target("unthrottled files/s", "(reported)", String.format("%.2f files/s (%d files)", files / seconds, files), true);
        }
    }

    /** The pipeline against the sequential, 5-second-polling client on the same sandbox set-up and files. */
    private void comparison(int files) throws Exception {
        Path dir = Files.createDirectories(work.resolve("comparison"));
        double pipelineSeconds;
        String pipelineResults;
        try (PipelineRun run = PipelineRun.start(dir, 1.0, PAGE_TIME, LATENCY, baseSettings(25))) {
            PipelineRun.writeInvoices(run.input, 30_000, files);
            Instant start = Instant.now();
            run.pipeline.registerInput();
            PipelineProgress progress = run.awaitAllDone(Duration.ofMinutes(20));
            pipelineSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            pipelineResults = progress.resultsByStatus().toString();
        }
        double sequentialSeconds;
        long rows;
        String key = "sequential-key";
        try (ApiSandbox sandbox = ApiSandbox.builder().apiKey(key).credits(1_000_000).rateLimitScale(1.0)
                .pageProcessingTime(PAGE_TIME).port(0).start();
             InvoiceExtractionClient client = InvoiceExtractionClient.create(ClientOptions.builder()
                     .baseUrl(sandbox.baseUrl()).apiKey(key).build())) {
            PipelineRun.addLatency(sandbox, LATENCY);
            Instant start = Instant.now();
            rows = new SequentialClient(client).run(dir.resolve("input"), "sequential-1");
            sequentialSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        }
        Charts.bars(reports.resolve("pipeline-vs-sequential.png"),
                files + " files at 150 ms per call: registration → last result", "seconds",
                List.of("pipeline", "sequential client (5 s polling)"), List.of(pipelineSeconds, sequentialSeconds));
        md.append("## 4. Versus a sequential, 5-second-polling client (").append(files).append(" files, 150 ms per call)\n\n");
        md.append("The same generated files and sandbox set-up (documented limits, 150 ms per call, 1 s per page, 4 pages at a\n");
        md.append("time). The harness's `SequentialClient` does what the vendor's language guides show: one session, each file\n");
        md.append("uploaded in turn, one extraction, `getExtraction` every 5 s, then rows and the JSON output. The pipeline runs\n");
        md.append("with 25-file sessions; its time is registration → last result (start-up excluded).\n\n");
        md.append("![pipeline vs sequential](pipeline-vs-sequential.png)\n\n");
        md.append("| Client | Time | Outcome |\n|---|---|---|\n");
        md.append(String.format("| pipeline | %.1f s | %s |%n", pipelineSeconds, pipelineResults));
        md.append(String.format("| sequential client | %.1f s | %d rows |%n", sequentialSeconds, rows));
        md.append(String.format("%n**Ratio: the pipeline is %.2f× the sequential client's speed.**%n%n",
                sequentialSeconds / pipelineSeconds));
        target("speed vs the sequential 5 s-polling client, " + files + " files at 150 ms", "≥ 2×",
                String.format("%.2f×", sequentialSeconds / pipelineSeconds), sequentialSeconds / pipelineSeconds >= 2);
    }

    private void target(String measure, String target, String measured, boolean met) {
        targets.add(new String[] {measure, target, measured, met ? "yes" : "**no**"});
    }

    private String targetTable() {
        StringBuilder table = new StringBuilder("## Targets (issue 15)\n\n| Measure | Target | Measured | Met |\n|---|---|---|---|\n");
        targets.forEach(row -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return table.append('\n').toString();
    }

    private static Map<String, Long> callsByOperation(AccountCounters counters) {
        Map<String, Long> calls = new TreeMap<>();
        counters.callsByOperationAndStatus().forEach((op, byStatus) ->
                calls.put(op, byStatus.values().stream().mapToLong(Long::longValue).sum()));
        return calls;
    }
}
