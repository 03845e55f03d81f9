package org.invoicepipeline.local;

import org.invoicepipeline.common.testing.ResultInvariant;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.monitor.PipelineMonitor;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.register.FolderRegistrar;
import org.invoicepipeline.local.run.KafkaEnvironment;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hard crashes: each worker runs in its own JVM and is killed with SIGKILL while it is mid-batch (no offset commit,
 * no flush, no transaction ended), then a new process takes over. No file is lost, no extraction is created twice for
 * the same files, and no page is charged twice.
 */
class WorkerKillIT {

    private static final int FILES = 30;
    private static final String API_KEY = "worker-kill-key";
    private static final double RATE_LIMIT_SCALE = 60;
    private static final Duration PAGE_TIME = Duration.ofMillis(300);
    /** Everything, start-up included, must happen within this; a lost file fails the test, it never hangs. */
    private static final Duration BUDGET = Duration.ofMinutes(3);

    /** The workers' output, one file per process, in a directory of its own per run. */
    private final Path logs = PipelineFixture.runDirectory("worker-kill-it");

    @TempDir
    Path input;

    @TempDir
    Path output;

    private KafkaEnvironment kafka;
    private ApiSandbox sandbox;
    private PipelineMonitor monitor;
    private FolderRegistrar registrar;
    private final Map<Stage, WorkerProcess> workers = new EnumMap<>(Stage.class);
    /** Every process started, so none outlives the test whatever happens. */
    private final List<WorkerProcess> started = new ArrayList<>();
    private final Map<Stage, Integer> generation = new EnumMap<>(Stage.class);
    private long deadline;

    @Test
    void killingEachWorkerMidBatchLosesNothingAndExtractsAndChargesNothingTwice() throws Exception {
        List<SampleInvoice> invoices = PipelineFixture.writeInvoices(input, 200, FILES);
        startBrokerAndSandbox();
        Map<Stage, Map<String, String>> settings = workerSettings();

        long startAt = System.nanoTime();
        deadline = startAt + BUDGET.toNanos();
        for (Stage stage : Stage.values()) {
            launch(stage, settings.get(stage));
        }
        WorkerProcess.awaitAllStarted(workers.values(), remaining());
        System.out.printf("workers started in %d ms%n", (System.nanoTime() - startAt) / 1_000_000);

        registrar = PipelineFixture.registrar(kafka.bootstrapServers());
        List<String> fileIds = PipelineFixture.registerNew(registrar, input, monitor);
        assertThat(fileIds).hasSize(FILES);

        // Each kill lands while its stage has started on the batch but not finished it.
        killAndRestartWhen(Stage.UPLOAD, settings, (p, c) -> c.partsUploaded() > 0 && c.filesCompleted() < FILES);
        killAndRestartWhen(Stage.SUBMIT, settings, (p, c) -> c.extractionsCreated() > 0 && p.submitted() < FILES);
        killAndRestartWhen(Stage.POLL, settings, (p, c) -> p.submitted() > p.completed());
        killAndRestartWhen(Stage.DOWNLOAD, settings, (p, c) -> p.withResult() > 0 && p.withResult() < FILES);

        await("every file to end").atMost(remaining()).pollInterval(Duration.ofMillis(250))
                .failFast("a worker exited", this::assertWorkersAlive)
                .untilAsserted(() -> assertThat(monitor.progress().allDone())
                        .as("%s; files without a result or dead letter: %s (worker logs in %s)",
                                monitor.progress().line(), unfinished(fileIds), logs.toAbsolutePath())
                        .isTrue());
        System.out.printf("all done at %s after %d ms%n", monitor.progress().line(),
                (System.nanoTime() - startAt) / 1_000_000);

        assertNothingLostNothingTwice(fileIds, invoices);
    }

    private void assertNothingLostNothingTwice(List<String> fileIds, List<SampleInvoice> invoices)
            throws InterruptedException {
        // Wait a quiet period first: a replay published late would still count.
        quietPeriod();
        ResultInvariant.Summary summary = PipelineFixture.invariant(kafka.bootstrapServers(), fileIds)
                .expectAll(ResultStatus.EXTRACTED)
                .sandboxCounters(sandbox.control().counters(API_KEY), FILES)
                .oneExtractionPerUploadSession()
                .check();
        System.out.println("invariant: " + summary);
        assertThat(summary.deadLettersByCode()).as("dead letters").isEmpty();
        // Replays carry the same id and the same values.
        Map<String, List<ExtractionResult>> results = monitor.results();
        for (SampleInvoice invoice : invoices) {
            for (ExtractionResult copy : results.get(PipelineFixture.fileIdOf(input, invoice))) {
                PipelineFixture.assertKnownValues(copy, invoice);
            }
        }
        assertThat(sandbox.control().counters(API_KEY).filesCompleted()).as("files completed in upload sessions")
                .isEqualTo(FILES);
    }

    private static void quietPeriod() throws InterruptedException {
        Thread.sleep(2_000);
    }

    private void killAndRestartWhen(Stage stage, Map<Stage, Map<String, String>> settings,
                                    BiPredicate<PipelineProgress, AccountCounters> midBatch) throws Exception {
        await(stage + " to be mid-batch").atMost(remaining()).pollInterval(Duration.ofMillis(10))
                .failFast("the batch ended before " + stage + " could be killed mid-batch",
                        () -> monitor.progress().allDone())
                .failFast("a worker exited", this::assertWorkersAlive)
                .until(() -> midBatch.test(monitor.progress(), sandbox.control().counters(API_KEY)));
        WorkerProcess victim = workers.get(stage);
        assertThat(victim.kill()).as("%s (pid %d) died", stage, victim.pid()).isTrue();
        AccountCounters counters = sandbox.control().counters(API_KEY);
        System.out.printf("killed %s (pid %d) at %s | sandbox: sessions %d, files completed %d, extractions %d, "
                        + "running %d, pages charged %d%n", stage, victim.pid(), monitor.progress().line(),
                counters.sessionsCreated(), counters.filesCompleted(), counters.extractionsCreated(),
                sandbox.control().runningExtractions(API_KEY), counters.pagesCharged());
        launch(stage, settings.get(stage));
    }

    private Duration remaining() {
        return Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime()));
    }

    /** A worker that exited by itself (start-up failure, crash) fails the test at once, naming its log. */
    private void assertWorkersAlive() {
        WorkerProcess.assertAllAlive(workers.values());
    }

    private List<String> unfinished(List<String> fileIds) {
        Map<String, List<ExtractionResult>> results = monitor.results();
        Map<String, List<String>> deadLetters = monitor.deadLetters();
        return fileIds.stream()
                .filter(id -> results.getOrDefault(id, List.of()).isEmpty() && !deadLetters.containsKey(id))
                .toList();
    }

    private void launch(Stage stage, Map<String, String> settings) throws IOException {
        int n = generation.merge(stage, 1, Integer::sum);
        WorkerProcess process = WorkerProcess.start(stage, settings, API_KEY,
                logs.resolve(stage.shortName() + "-" + n + ".log"));
        started.add(process);
        workers.put(stage, process);
    }

    private void startBrokerAndSandbox() {
        // The launcher's broker and topics, plus a quick abort of transactions left open by a killed planner.
        kafka = KafkaEnvironment.embedded(LocalPipeline.PARTITIONS,
                Map.of("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"));
        sandbox = ApiSandbox.builder().apiKey(API_KEY).credits(1_000_000).rateLimitScale(RATE_LIMIT_SCALE)
                .pageProcessingTime(PAGE_TIME).port(0).start();
        monitor = new PipelineMonitor(kafka.bootstrapServers());
    }

    /** Small sessions, so the batch spans several sessions and extractions. */
    private Map<Stage, Map<String, String>> workerSettings() {
        return PipelineFixture.workerProcessSettings(PipelineFixture.options(input, output, RATE_LIMIT_SCALE,
                PAGE_TIME), kafka.bootstrapServers(), sandbox, 5);
    }

    @AfterEach
    void stopEverything() {
        started.forEach(WorkerProcess::killQuietly);
        PipelineFixture.closeQuietly(registrar, monitor, sandbox, kafka);
    }
}
