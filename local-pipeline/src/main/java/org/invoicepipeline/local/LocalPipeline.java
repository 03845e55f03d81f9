package org.invoicepipeline.local;

import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.local.monitor.PipelineMonitor;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.register.FolderRegistrar;
import org.invoicepipeline.local.register.FolderScan;
import org.invoicepipeline.local.register.SampleInvoices;
import org.invoicepipeline.local.run.KafkaEnvironment;
import org.invoicepipeline.local.run.PipelineTopics;
import org.invoicepipeline.local.run.PipelineWorkers;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.sandbox.ApiSandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole pipeline in one JVM: Kafka (embedded KRaft broker or external), the API (in-process sandbox or the
 * real one), the four workers, a registrar publishing the input folder's files and a monitor counting how far
 * each file got.
 */
public final class LocalPipeline implements AutoCloseable {

    /** API key of the in-process sandbox's account. */
    public static final String SANDBOX_API_KEY = "local-pipeline-key";

    /** Partitions of every topic; the workers that create their topics are told the same count. */
    public static final int PARTITIONS = 3;

    private final LaunchOptions options;
    private final KafkaEnvironment kafka;
    private final ApiSandbox sandbox;
    private final PipelineMonitor monitor;
    private final PipelineWorkers workers;
    private final FolderRegistrar registrar;
    private final Path inputDir;
    private final Instant startedAt;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalPipeline(LaunchOptions options, KafkaEnvironment kafka, ApiSandbox sandbox, PipelineMonitor monitor,
                          PipelineWorkers workers, FolderRegistrar registrar, Path inputDir, Instant startedAt) {
        this.options = options;
        this.kafka = kafka;
        this.sandbox = sandbox;
        this.monitor = monitor;
        this.workers = workers;
        this.registrar = registrar;
        this.inputDir = inputDir;
        this.startedAt = startedAt;
    }

    public static LocalPipeline start(LaunchOptions options) {
        return start(options, Map.of());
    }

    /**
     * @param extraSettings worker settings added to (and winning over) the launcher's, per stage (tests scale
     *                      clocks and limits with them)
     */
    public static LocalPipeline start(LaunchOptions options, Map<Stage, Map<String, String>> extraSettings) {
        Instant startedAt = Instant.now();
        Path output = options.output().toAbsolutePath().normalize();
        Path input = options.input() != null ? options.input().toAbsolutePath().normalize()
                : copySamples(output.resolve("sample-invoices"));
        KafkaEnvironment kafka = options.usesEmbeddedBroker() ? KafkaEnvironment.embedded(PARTITIONS)
                : KafkaEnvironment.external(options.bootstrapServers(), PARTITIONS);
        ApiSandbox sandbox = null;
        PipelineMonitor monitor = null;
        PipelineWorkers workers = null;
        try {
            if (options.usesSandbox()) {
                sandbox = ApiSandbox.builder().apiKey(SANDBOX_API_KEY).credits(1_000_000)
                        .rateLimitScale(options.sandboxRateLimitScale())
                        .pageProcessingTime(options.sandboxPageTime()).port(0).start();
            }
            monitor = new PipelineMonitor(kafka.bootstrapServers());
            workers = new PipelineWorkers(workerSettings(options, kafka.bootstrapServers(), sandbox, input, output,
                    extraSettings));
            workers.startAll();
            FolderRegistrar registrar = new FolderRegistrar(kafka.bootstrapServers(), PipelineTopics.FILES_REGISTERED,
                    options.profile(), options.batchKey(), Clock.systemUTC());
            return new LocalPipeline(options, kafka, sandbox, monitor, workers, registrar, input, startedAt);
        }
        catch (RuntimeException e) {
            closeQuietly(workers);
            closeQuietly(monitor);
            closeQuietly(sandbox);
            closeQuietly(kafka);
            throw e;
        }
    }

    /** Registers the input folder's files not registered yet; returns them. */
    public List<FileRegistered> registerInput() {
        List<FileRegistered> registered = registrar.registerNew(inputDir);
        monitor.expect(registered.stream().map(FileRegistered::getFileId).toList());
        return registered;
    }

    /**
     * Registers the input folder's files (and its subfolders' when {@code recursive}) not registered yet; returns
     * them and what was left out, with why.
     */
    public FolderScan scanInput(boolean recursive) {
        FolderScan scan = registrar.scan(inputDir, recursive);
        monitor.expect(scan.registered().stream().map(FileRegistered::getFileId).toList());
        return scan;
    }

    /**
     * Waits until every registered file has a result or a dead letter, or the timeout passes; reports progress
     * every {@code every}.
     */
    public PipelineProgress awaitAllDone(Duration timeout, Duration every, Consumer<PipelineProgress> onProgress)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        PipelineProgress progress = monitor.progress();
        while (!progress.allDone() && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(every.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            progress = monitor.progress();
            onProgress.accept(progress);
        }
        return progress;
    }

    public PipelineProgress progress() {
        return monitor.progress();
    }

    public PipelineMonitor monitor() {
        return monitor;
    }

    public PipelineWorkers workers() {
        return workers;
    }

    /** The in-process sandbox, when the run uses one. */
    public Optional<ApiSandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    public Path inputDir() {
        return inputDir;
    }

    public Path outputDir() {
        return options.output().toAbsolutePath().normalize();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Duration elapsed() {
        return Duration.between(startedAt, Instant.now());
    }

    /**
     * What the launcher passes each worker ({@link WorkerSettings}): the settings every worker gets (Kafka, API,
     * profile), then the stage's own, then {@code extraSettings}. The one definition, also for tests that run the
     * workers in their own JVMs.
     *
     * @param sandbox the in-process sandbox (its URL and {@link #SANDBOX_API_KEY} are passed), or null for the
     *                real API at {@link LaunchOptions#apiBaseUrl()}
     */
    public static Map<Stage, Map<String, String>> workerSettings(LaunchOptions options, String bootstrapServers,
                                                                 ApiSandbox sandbox, Path input, Path output,
                                                                 Map<Stage, Map<String, String>> extraSettings) {
        return WorkerSettings.of(options, bootstrapServers, sandbox, input, output, extraSettings);
    }

    private static Path copySamples(Path target) {
        SampleInvoices.copyTo(target);
        return target;
    }

    /** Stops everything; safe to call more than once (the shutdown hook and the caller may both close). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(registrar);
        closeQuietly(workers);
        closeQuietly(monitor);
        closeQuietly(sandbox);
        closeQuietly(kafka);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            }
            catch (Exception e) {
                System.err.println("Closing " + closeable.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }
}
