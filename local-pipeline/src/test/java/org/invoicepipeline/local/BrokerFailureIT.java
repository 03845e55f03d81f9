package org.invoicepipeline.local;

import org.invoicepipeline.common.testing.ResultInvariant;
import org.invoicepipeline.common.testing.StandaloneKafkaBroker;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.monitor.PipelineMonitor;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.register.FolderRegistrar;
import org.invoicepipeline.local.run.KafkaEnvironment;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * Broker crashes: a standalone KRaft broker (the kafka_2.13 jars, its own JVM), the four workers in their own JVMs
 * and the sandbox; the broker is killed with SIGKILL twice while files flow (once while sessions are uploading,
 * once while extractions complete and results are published) and started again on the same ports and log
 * directory. Nothing is lost and nothing is done twice: every file exactly one EXTRACTED result id, one extraction
 * per submission id and per upload session, every page charged once. The regression guard of issue 8.
 */
class BrokerFailureIT {

    private static final int FILES = 60;
    private static final String API_KEY = "broker-failure-key";
    private static final double RATE_LIMIT_SCALE = 60;
    private static final Duration PAGE_TIME = Duration.ofMillis(150);
    /** How long the broker stays down each time. */
    private static final Duration DOWN_TIME = Duration.ofSeconds(2);
    /** Everything, start-up included, must happen within this; a lost file fails the test, it never hangs. */
    private static final Duration BUDGET = Duration.ofMinutes(3);

    /** The broker's data and output and the workers' output, in a directory of its own per run. */
    private final Path runDir = PipelineFixture.runDirectory("broker-failure-it");

    @TempDir
    Path input;

    @TempDir
    Path output;

    private StandaloneKafkaBroker broker;
    private ApiSandbox sandbox;
    private PipelineMonitor monitor;
    private FolderRegistrar registrar;
    private final Map<Stage, WorkerProcess> workers = new EnumMap<>(Stage.class);
    private final List<WorkerProcess> started = new ArrayList<>();
    private long deadline;

    @Test
    void killingTheBrokerTwiceMidRunLosesNothingAndDoesNothingTwice() throws Exception {
        PipelineFixture.writeInvoices(input, 300, FILES);
        long startAt = System.nanoTime();
        deadline = startAt + BUDGET.toNanos();
        broker = StandaloneKafkaBroker.start(runDir.resolve("kafka"), LocalPipeline.PARTITIONS,
                // Transactions a killed planner or a dead broker left open are aborted within seconds.
                Map.of("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"));
        KafkaEnvironment.external(broker.bootstrapServers(), LocalPipeline.PARTITIONS).close();
        sandbox = ApiSandbox.builder().apiKey(API_KEY).credits(1_000_000).rateLimitScale(RATE_LIMIT_SCALE)
                .pageProcessingTime(PAGE_TIME).port(0).start();
        monitor = new PipelineMonitor(broker.bootstrapServers());
        System.out.printf("broker (pid %d) on %s started in %d ms%n", broker.pid(), broker.bootstrapServers(),
                (System.nanoTime() - startAt) / 1_000_000);

        Map<Stage, Map<String, String>> settings = workerSettings();
        for (Stage stage : Stage.values()) {
            WorkerProcess process = WorkerProcess.start(stage, settings.get(stage), API_KEY,
                    runDir.resolve(stage.shortName() + ".log"));
            started.add(process);
            workers.put(stage, process);
        }
        WorkerProcess.awaitAllStarted(workers.values(), remaining());

        registrar = PipelineFixture.registrar(broker.bootstrapServers());
        List<String> fileIds = PipelineFixture.registerNew(registrar, input, monitor);
        assertThat(fileIds).hasSize(FILES);

        killAndRestartWhen("sessions are uploading", (p, c) -> c.partsUploaded() > 0 && p.withResult() < FILES);
        killAndRestartWhen("results are being published", (p, c) -> p.withResult() > 0 && p.withResult() < FILES);

        await("every file to end").atMost(remaining()).pollInterval(Duration.ofMillis(250))
                .failFast("a worker exited", this::assertWorkersAlive)
                .untilAsserted(() -> assertThat(monitor.progress().allDone())
                        .as("%s (worker and broker logs in %s)", monitor.progress().line(), runDir.toAbsolutePath())
                        .isTrue());
        Thread.sleep(2_000); // a quiet period: a replay published late would still count

        ResultInvariant.Summary summary = PipelineFixture.invariant(broker.bootstrapServers(), fileIds)
                .expectAll(ResultStatus.EXTRACTED)
                .sandboxCounters(sandbox.control().counters(API_KEY), FILES)
                .oneExtractionPerUploadSession()
                .check();
        System.out.printf("all done after %d ms: %s%n", (System.nanoTime() - startAt) / 1_000_000, summary);
        assertThat(summary.deadLettersByCode()).as("dead letters").isEmpty();
        assertThat(sandbox.control().counters(API_KEY).filesCompleted()).isEqualTo(FILES);
    }

    private void killAndRestartWhen(String moment, BiPredicate<PipelineProgress, AccountCounters> midRun)
            throws InterruptedException {
        await("the run to be mid-way: " + moment).atMost(remaining()).pollInterval(Duration.ofMillis(20))
                .failFast("the run ended before the broker could be killed while " + moment,
                        () -> monitor.progress().allDone())
                .failFast("a worker exited", this::assertWorkersAlive)
                .until(() -> midRun.test(monitor.progress(), sandbox.control().counters(API_KEY)));
        long pid = broker.pid();
        broker.kill();
        System.out.printf("killed the broker (pid %d) while %s at %s%n", pid, moment, monitor.progress().line());
        Thread.sleep(DOWN_TIME.toMillis());
        long restartAt = System.nanoTime();
        broker.restart();
        System.out.printf("broker back (pid %d) after %d ms%n", broker.pid(), (System.nanoTime() - restartAt) / 1_000_000);
    }

    private Duration remaining() {
        return Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime()));
    }

    private void assertWorkersAlive() {
        WorkerProcess.assertAllAlive(workers.values());
    }

    /** Sessions of 10, so the run spans several sessions and extractions. */
    private Map<Stage, Map<String, String>> workerSettings() {
        return PipelineFixture.workerProcessSettings(PipelineFixture.options(input, output, RATE_LIMIT_SCALE,
                PAGE_TIME), broker.bootstrapServers(), sandbox, 10);
    }

    @AfterEach
    void stopEverything() {
        started.forEach(WorkerProcess::killQuietly);
        PipelineFixture.closeQuietly(registrar, monitor, sandbox, broker);
    }
}
