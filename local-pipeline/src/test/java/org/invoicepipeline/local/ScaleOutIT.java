package org.invoicepipeline.local;

import org.invoicepipeline.common.testing.ResultInvariant;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.monitor.PipelineMonitor;
import org.invoicepipeline.local.register.FolderRegistrar;
import org.invoicepipeline.local.run.KafkaEnvironment;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out under one key: several instances of every stage, each its own JVM, against a sandbox enforcing the
 * documented limits with windows only {@value #SCALE}x shorter, so that the uploads and submissions limits bind.
 * Nobody divides numbers by hand ({@code rate-limit-share} stays 1): each instance's share follows the partitions it
 * owns. Not a single 429, every file one result; an upload instance killed mid-run hands its partitions and its
 * share to the others within one rebalance, and nothing is lost.
 *
 * <p>Three instances of every stage (twelve JVMs, about 50 s on CI's two cores); the kill is in the upload stage.
 */
class ScaleOutIT {

    private static final int FILES = 30;
    private static final String API_KEY = "scale-out-key";
    /** Uploads 20/s, submissions 1/s, status 4/s: the limits bind within a run of this size. */
    private static final double SCALE = 2;
    private static final Duration PAGE_TIME = Duration.ofMillis(200);
    /** Start-up of the twelve JVMs and their first rebalances (slow when the two cores are busy with other builds). */
    private static final Duration START_BUDGET = Duration.ofMinutes(5);
    /** The run itself, from registration; a lost file fails the test within it, it never hangs. */
    private static final Duration RUN_BUDGET = Duration.ofMinutes(3);
    private static final Map<Stage, Integer> INSTANCES = Map.of(Stage.UPLOAD, 3, Stage.SUBMIT, 3, Stage.POLL, 3,
            Stage.DOWNLOAD, 3);
    /** What {@code StageShareRebalanceListener} logs on every change of a stage's share. */
    private static final Pattern SHARE_LINE = Pattern.compile(
            "Rate-limit share of stage (\\w+): (\\d+) of (\\d+) input partitions, share ([0-9.]+)");

    private final Path logs = PipelineFixture.runDirectory("scale-out-it");

    @TempDir
    Path input;

    @TempDir
    Path output;

    private KafkaEnvironment kafka;
    private ApiSandbox sandbox;
    private PipelineMonitor monitor;
    private FolderRegistrar registrar;
    private final Map<Stage, List<WorkerProcess>> workers = new EnumMap<>(Stage.class);
    private final List<WorkerProcess> started = new ArrayList<>();
    private long deadline;

    @Test
    void instancesShareOneKeyByTheirPartitionsWithNo429AndSurviveLosingAnUploadInstance() throws Exception {
        PipelineFixture.writeInvoices(input, 600, FILES);
        kafka = KafkaEnvironment.embedded(LocalPipeline.PARTITIONS,
                Map.of("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"));
        sandbox = ApiSandbox.builder().apiKey(API_KEY).credits(1_000_000).rateLimitScale(SCALE)
                .pageProcessingTime(PAGE_TIME).port(0).start();
        monitor = new PipelineMonitor(kafka.bootstrapServers());
        Map<Stage, Map<String, String>> settings = PipelineFixture.workerProcessSettings(
                PipelineFixture.options(input, output, SCALE, PAGE_TIME), kafka.bootstrapServers(), sandbox, 5);

        long startAt = System.nanoTime();
        deadline = startAt + START_BUDGET.toNanos();
        for (Stage stage : Stage.values()) {
            for (int n = 1; n <= INSTANCES.get(stage); n++) {
                Map<String, String> instance = new java.util.LinkedHashMap<>(settings.get(stage));
                instance.put("management.server.port", "0"); // several instances of a stage on one host
                instance.put("logging.level.org.invoicepipeline.common.ratelimit.share", "INFO");
                WorkerProcess process = WorkerProcess.start(stage, instance, API_KEY,
                        logs.resolve(stage.shortName() + "-" + n + ".log"));
                started.add(process);
                workers.computeIfAbsent(stage, s -> new ArrayList<>()).add(process);
            }
        }
        WorkerProcess.awaitAllStarted(started, remaining());
        System.out.printf("%d workers started in %d ms%n", started.size(), (System.nanoTime() - startAt) / 1_000_000);
        for (Stage stage : Stage.values()) {
            await(stage + " instances to divide their partitions").atMost(remaining())
                    .pollInterval(Duration.ofMillis(250)).failFast("a worker exited", this::assertAlive)
                    .untilAsserted(() -> assertThat(shareSum(workers.get(stage))).as("%s shares", stage)
                            .isCloseTo(1.0, within(1e-3)));
        }

        deadline = System.nanoTime() + RUN_BUDGET.toNanos();
        registrar = PipelineFixture.registrar(kafka.bootstrapServers());
        List<String> fileIds = PipelineFixture.registerNew(registrar, input, monitor);
        assertThat(fileIds).hasSize(FILES);

        await("an upload instance to be mid-run").atMost(remaining()).pollInterval(Duration.ofMillis(10))
                .failFast("the run ended before an upload instance could be killed", () -> monitor.progress().allDone())
                .until(() -> sandbox.control().counters(API_KEY).filesCompleted() > 0
                        && sandbox.control().counters(API_KEY).filesCompleted() < FILES - 5);
        WorkerProcess victim = ownerOfMostUploadPartitions();
        assertThat(victim.kill()).as("upload instance (pid %d) died", victim.pid()).isTrue();
        workers.get(Stage.UPLOAD).remove(victim);
        long killedAt = System.nanoTime();
        System.out.printf("killed upload instance %d at %s%n", victim.pid(), monitor.progress().line());

        // The survivors own all partitions again, and with them the whole uploads budget, after one rebalance
        // (the victim's session times out in 6 s).
        await("the survivors to take over the killed instance's partitions and share").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).failFast("a worker exited", this::assertAlive)
                .untilAsserted(() -> assertThat(shareSum(workers.get(Stage.UPLOAD))).isCloseTo(1.0, within(1e-3)));
        System.out.printf("survivors re-divided the uploads budget %d ms after the kill%n",
                (System.nanoTime() - killedAt) / 1_000_000);

        await("every file to end").atMost(remaining()).pollInterval(Duration.ofMillis(250))
                .failFast("a worker exited", this::assertAlive)
                .untilAsserted(() -> assertThat(monitor.progress().allDone()).as("%s (logs in %s)",
                        monitor.progress().line(), logs.toAbsolutePath()).isTrue());
        System.out.printf("all done at %s after %d ms%n", monitor.progress().line(),
                (System.nanoTime() - startAt) / 1_000_000);

        Thread.sleep(2_000); // a quiet period: a late replay would still count
        AccountCounters counters = sandbox.control().counters(API_KEY);
        ResultInvariant.Summary summary = PipelineFixture.invariant(kafka.bootstrapServers(), fileIds)
                .expectAll(ResultStatus.EXTRACTED)
                .sandboxCounters(counters, FILES)
                .oneExtractionPerUploadSession()
                .check();
        System.out.println("invariant: " + summary + " | calls: " + counters.callsByOperationAndStatus());
        assertThat(summary.deadLettersByCode()).as("dead letters").isEmpty();
        assertThat(counters.rateLimitedResponses()).as("429 responses under one key across %d instances",
                started.size()).isZero();
    }

    /** The latest share each instance logged, summed; 0 for an instance that logged none yet. */
    private static double shareSum(List<WorkerProcess> instances) throws IOException {
        double sum = 0;
        for (WorkerProcess instance : instances) {
            sum += latestShare(instance).orElse(0);
        }
        return sum;
    }

    private static OptionalDouble latestShare(WorkerProcess instance) throws IOException {
        if (!Files.exists(instance.log())) {
            return OptionalDouble.empty();
        }
        Matcher matcher = SHARE_LINE.matcher(Files.readString(instance.log()));
        OptionalDouble latest = OptionalDouble.empty();
        while (matcher.find()) {
            latest = OptionalDouble.of(Double.parseDouble(matcher.group(4)));
        }
        return latest;
    }

    private WorkerProcess ownerOfMostUploadPartitions() throws IOException {
        WorkerProcess owner = workers.get(Stage.UPLOAD).get(0);
        for (WorkerProcess instance : workers.get(Stage.UPLOAD)) {
            if (latestShare(instance).orElse(0) > latestShare(owner).orElse(0)) {
                owner = instance;
            }
        }
        return owner;
    }

    private Duration remaining() {
        return Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime()));
    }

    private void assertAlive() {
        List<WorkerProcess> running = new ArrayList<>();
        workers.values().forEach(running::addAll);
        WorkerProcess.assertAllAlive(running);
    }

    @AfterEach
    void stopEverything() {
        started.forEach(WorkerProcess::killQuietly);
        PipelineFixture.closeQuietly(registrar, monitor, sandbox, kafka);
    }
}
