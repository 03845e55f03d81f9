package org.invoicepipeline.local;

import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.RetryPolicy;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.local.cli.ExitStatus;
import org.invoicepipeline.local.cli.StopRequest;
import org.invoicepipeline.local.monitor.FileProgress;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.progress.ExtractionProgress;
import org.invoicepipeline.local.progress.PageCounts;
import org.invoicepipeline.local.progress.ProgressSnapshot;
import org.invoicepipeline.local.progress.Terminal;
import org.invoicepipeline.local.register.FolderRegistrar;
import org.invoicepipeline.local.register.FolderScan;
import org.invoicepipeline.local.register.SampleInvoices;
import org.invoicepipeline.local.results.FileOutcome;
import org.invoicepipeline.local.results.RunFolder;
import org.invoicepipeline.local.run.LagMonitor;
import org.invoicepipeline.local.run.QuietStartup;
import org.invoicepipeline.local.run.Stage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of the command, from start-up to exit code: its own run folder, a quiet start, registration of the
 * input folder, live progress, Ctrl-C with a grace period, the timeout, results and summary on disk and on screen.
 */
final class LocalRun {

    /** How often the progress display is refreshed on a terminal. */
    private static final Duration TICK = Duration.ofMillis(500);
    /** How often {@code --watch} looks for new files. */
    private static final Duration RESCAN_EVERY = Duration.ofSeconds(2);

    private final LaunchOptions options;
    private final Terminal terminal;
    private final StopRequest stop;
    private final Map<Stage, Map<String, String>> extraSettings;
    private final Map<String, Integer> pages = new ConcurrentHashMap<>();
    private final Map<String, String> shownNames = new ConcurrentHashMap<>();
    private final List<FolderScan.Skipped> skipped = new ArrayList<>();
    private volatile boolean resultsWritten;

    LocalRun(LaunchOptions options, Terminal terminal, StopRequest stop, Map<Stage, Map<String, String>> extraSettings) {
        this.options = options;
        this.terminal = terminal;
        this.stop = stop;
        this.extraSettings = extraSettings;
    }

    int run() throws Exception {
        long startNanos = System.nanoTime();
        Path output = options.output().toAbsolutePath().normalize();
        Path input = options.input() != null ? options.input().toAbsolutePath().normalize()
                : copySamples(output.resolve("sample-invoices"));
        RunFolder folder = RunFolder.create(output, LocalDateTime.now());
        LaunchOptions runOptions = options.withInput(input).withOutput(folder.folder());
        terminal.println("Starting Kafka (" + (options.usesEmbeddedBroker() ? "embedded KRaft broker" : options.bootstrapServers())
                + "), the API (" + (options.usesSandbox() ? "in-process sandbox" : options.apiBaseUrl())
                + ") and the four workers...");
        try (LocalPipeline pipeline = QuietStartup.run(options.verbose(), () -> LocalPipeline.start(runOptions, extraSettings));
             LagMonitor lag = QuietStartup.run(options.verbose(), () -> LagMonitor.start(pipeline.bootstrapServers(), Map.of()));
             ExtractionProgress apiProgress = new ExtractionProgress(progressClient(pipeline),
                     () -> pipeline.monitor().extractionsInFlight().keySet())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                lag.close();
                pipeline.close();
            }, "local-pipeline-shutdown"));
            terminal.println(managementLine(lag.managementPort(), pipeline.workers().managementPorts()));
            long registeredNanos = System.nanoTime();
            if (!stop.requested()) {
                register(pipeline, input, true);
            }
            boolean timedOut = follow(pipeline, apiProgress, registeredNanos);
            if (stop.requested()) {
                grace(pipeline, apiProgress, registeredNanos);
            }
            terminal.finishStatus();
            if (timedOut && !stop.requested()) {
                terminal.println(timeoutMessage(pipeline, apiProgress));
            }
            return finish(pipeline, folder, Duration.ofNanos(System.nanoTime() - startNanos),
                    Duration.ofNanos(registeredNanos - startNanos));
        }
    }

    /** True once results.jsonl, results.csv and summary.json are written (stopping the pipeline may follow). */
    boolean resultsWritten() {
        return resultsWritten;
    }

    private static Path copySamples(Path target) {
        SampleInvoices.copyTo(target);
        return target;
    }

    private void register(LocalPipeline pipeline, Path input, boolean first) {
        FolderScan scan = pipeline.scanInput(options.recursive());
        for (FileRegistered file : scan.registered()) {
            String relative = file.getAttributes().getOrDefault(FolderRegistrar.RELATIVE_PATH, file.getFileName());
            shownNames.put(file.getFileId(), relative);
            pages.put(file.getFileId(), PageCounts.of(input.resolve(relative)));
        }
        skipped.addAll(scan.skipped());
        if (first || !scan.registered().isEmpty()) {
            terminal.println((first ? "Registered " : "Registered new: ") + scan.registered().size() + " file(s) from "
                    + input + (options.recursive() ? " and its subfolders" : ""));
        }
        String line = scan.skippedLine(5);
        if (!line.isEmpty()) {
            terminal.println(line);
        }
    }

    /** Shows progress until every file ended (or, watching, forever), the timeout passes or Ctrl-C; true on timeout. */
    private boolean follow(LocalPipeline pipeline, ExtractionProgress apiProgress, long registeredNanos)
            throws InterruptedException {
        if (options.watch()) {
            terminal.println("Watching " + pipeline.inputDir() + " for new files (Ctrl-C to stop)");
        }
        long deadline = registeredNanos + options.timeout().toNanos();
        long nextScan = System.nanoTime() + RESCAN_EVERY.toNanos();
        while (!stop.requested()) {
            showProgress(pipeline, apiProgress, registeredNanos);
            if (options.watch()) {
                if (System.nanoTime() >= nextScan) {
                    register(pipeline, pipeline.inputDir(), false);
                    nextScan = System.nanoTime() + RESCAN_EVERY.toNanos();
                }
            }
            else if (pipeline.progress().allDone()) {
                showProgress(pipeline, apiProgress, registeredNanos);
                return false;
            }
            else if (System.nanoTime() >= deadline) {
                return true;
            }
            stop.await(TICK.toMillis());
        }
        return false;
    }

    /** After Ctrl-C: no more registrations; files in flight get the grace period to end. */
    private void grace(LocalPipeline pipeline, ExtractionProgress apiProgress, long registeredNanos)
            throws InterruptedException {
        long deadline = System.nanoTime() + options.gracePeriod().toNanos();
        while (!pipeline.progress().allDone() && System.nanoTime() < deadline) {
            showProgress(pipeline, apiProgress, registeredNanos);
            Thread.sleep(Math.min(TICK.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        showProgress(pipeline, apiProgress, registeredNanos);
    }

    private void showProgress(LocalPipeline pipeline, ExtractionProgress apiProgress, long registeredNanos) {
        terminal.status(snapshot(pipeline, apiProgress, registeredNanos).line());
    }

    private ProgressSnapshot snapshot(LocalPipeline pipeline, ExtractionProgress apiProgress, long registeredNanos) {
        return ProgressSnapshot.of(pipeline.monitor().files(), pages, apiProgress.percentages(),
                Duration.ofNanos(System.nanoTime() - registeredNanos));
    }

    private int finish(LocalPipeline pipeline, RunFolder folder, Duration elapsed, Duration startup) throws IOException {
        PipelineProgress progress = pipeline.progress();
        String pendingCode = stop.requested() ? FileOutcome.STOPPED : FileOutcome.TIMED_OUT;
        List<FileOutcome> outcomes = pipeline.monitor().files().stream()
                .map(file -> FileOutcome.of(shownNames.getOrDefault(file.fileId(), file.fileId()), file, pendingCode))
                .toList();
        int notExtracted = (int) outcomes.stream().filter(o -> !o.extracted()).count();
        ExitStatus exit = ExitStatus.of(stop.requested(), progress.allDone() || progress.registered() == 0,
                notExtracted);
        RunSummary summary = new RunSummary(progress, elapsed, startup, folder.folder(), folder.stablePath(), outcomes,
                List.copyOf(skipped), exit);
        summary.write();
        resultsWritten = true;
        summary.print(terminal.out());
        return exit.code();
    }

    /** What is still pending, in which stage, and how to give it more time. */
    private String timeoutMessage(LocalPipeline pipeline, ExtractionProgress apiProgress) {
        List<FileProgress> files = pipeline.monitor().files();
        Map<FileProgress.Stage, Integer> pending = new EnumMap<>(FileProgress.Stage.class);
        files.stream().filter(f -> !f.done()).forEach(f -> pending.merge(f.stage(), 1, Integer::sum));
        int total = pending.values().stream().mapToInt(Integer::intValue).sum();
        StringJoiner where = new StringJoiner(", ");
        pending.forEach((stage, count) -> where.add(count + " " + stage.description()));
        StringJoiner extractions = new StringJoiner(", ");
        apiProgress.percentages().forEach((id, percent) -> extractions.add(id + " at " + percent + "%"));
        Duration more = options.timeout().multipliedBy(2);
        return "Timed out after " + LaunchOptions.format(options.timeout()) + ": " + total + " of " + files.size()
                + " file(s) still without a result (" + where + ")"
                + (extractions.length() == 0 ? "" : "; extractions in flight: " + extractions)
                + ". Results of the files that finished are written below. Give it more time with --timeout "
                + LaunchOptions.format(more) + " (or longer).";
    }

    private InvoiceExtractionClient progressClient(LocalPipeline pipeline) {
        ClientOptions.Builder client = ClientOptions.builder().retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofSeconds(10)).connectTimeout(Duration.ofSeconds(5));
        pipeline.sandbox().ifPresentOrElse(
                sandbox -> client.baseUrl(URI.create(sandbox.baseUrl())).apiKey(LocalPipeline.SANDBOX_API_KEY)
                        .rateLimitScale(options.sandboxRateLimitScale()),
                () -> client.baseUrl(URI.create(options.apiBaseUrl())));
        return InvoiceExtractionClient.create(client.build());
    }

    /** The management endpoints' addresses, noting any default port that was taken. */
    static String managementLine(int monitorPort, Map<Stage, Integer> workerPorts) {
        Map<String, int[]> ports = new LinkedHashMap<>();
        ports.put("monitor", new int[] {monitorPort, LagMonitor.DEFAULT_PORT});
        workerPorts.forEach((stage, port) -> ports.put(stage.shortName(), new int[] {port, stage.defaultManagementPort()}));
        StringJoiner line = new StringJoiner(", ", "Management endpoints (http://localhost:PORT/actuator/health): ", "");
        List<String> moved = new ArrayList<>();
        ports.forEach((name, port) -> {
            line.add(name + " " + port[0]);
            if (port[0] != port[1]) {
                moved.add(String.valueOf(port[1]));
            }
        });
        return line + (moved.isEmpty() ? "" : " (" + String.join(", ", moved) + " in use: free ports taken instead)");
    }
}
