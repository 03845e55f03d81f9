package org.invoicepipeline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.run.PipelineTopics;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.monitor.PipelineMonitorApplication;
import org.invoicepipeline.samples.SampleInvoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operations surface against a real Prometheus: the pipeline runs (real KRaft broker, sandbox, the four workers
 * serving their management ports, the pipeline monitor), a Prometheus binary scrapes them with the project's own
 * rules (docker/prometheus), and then
 * <ul>
 *   <li>every expression of the Grafana dashboard returns data, every rule expression is accepted and every metric
 *       the alert rules select exists;</li>
 *   <li>the management endpoints answer health (liveness, readiness with the Kafka and container checks), info and
 *       prometheus, nothing else, and never show the API key;</li>
 *   <li>with the download worker stopped and files still arriving, the lag alert goes pending for its group.</li>
 * </ul>
 * Skipped (assumption) when no {@code prometheus} binary is installed; {@code .ci/run} installs it.
 */
class ObservabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();
    private static final Map<Stage, String> JOBS = Map.of(Stage.UPLOAD, "upload-worker", Stage.SUBMIT, "submit-worker",
            Stage.POLL, "poll-worker", Stage.DOWNLOAD, "download-worker");
    private static final List<String> HIDDEN_ENDPOINTS = List.of("env", "configprops", "heapdump", "threaddump",
            "loggers", "beans", "mappings", "metrics", "shutdown", "conditions", "scheduledtasks", "caches");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final long started = System.nanoTime();

    @TempDir
    Path input;

    @TempDir
    Path output;

    @TempDir
    Path prometheusDir;

    @Test
    void prometheusAnswersEveryDashboardAndAlertQueryAndTheLagAlertGoesPendingForAStoppedStage() throws Exception {
        Path binary = PrometheusProcess.binary().orElse(null);
        assumeTrue(binary != null, "No prometheus binary on the PATH: install Debian's prometheus package "
                + "(.ci/run does) to run the Prometheus-backed observability test");

        List<SampleInvoice> invoices = PipelineFixture.writeInvoices(input, 1, 3);
        Files.writeString(input.resolve("notes.txt"), "not an invoice");
        Map<Stage, Integer> ports = new EnumMap<>(Stage.class);
        Map<Stage, Map<String, String>> settings = new HashMap<>();
        PipelineFixture.fastClocks().forEach((stage, values) -> settings.put(stage, new HashMap<>(values)));
        for (Stage stage : Stage.values()) {
            ports.put(stage, freePort());
            settings.computeIfAbsent(stage, s -> new HashMap<>()).put("management.server.port", ports.get(stage).toString());
        }
        int monitorPort = freePort();
        int prometheusPort = freePort();

        try (LocalPipeline pipeline = LocalPipeline.start(
                PipelineFixture.options(input, output, 60, Duration.ofMillis(20)), settings);
             ConfigurableApplicationContext monitor = startMonitor(pipeline.bootstrapServers(), monitorPort)) {
            phase("pipeline and monitor started");
            Path config = writePrometheusConfig(ports, monitorPort);
            try (PrometheusProcess prometheus = PrometheusProcess.start(binary, config, prometheusDir, prometheusPort)) {
                phase("prometheus ready");
                poison(pipeline.bootstrapServers(), PipelineTopics.PARTS_UPLOADED);
                assertThat(pipeline.registerInput()).hasSize(invoices.size() + 1);
                PipelineProgress progress = pipeline.awaitAllDone(Duration.ofMinutes(3), Duration.ofMillis(500), p -> { });
                assertThat(progress.allDone()).as("every file ended: %s", progress).isTrue();

                phase("every file ended");
                for (Stage stage : Stage.values()) {
                    assertManagementEndpoints(stage, ports.get(stage));
                }
                await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).untilAsserted(() ->
                        assertThat(prometheus.query("up == 1")).as("targets up").hasSize(5));

                phase("endpoints checked");
                assertEveryDashboardQueryReturnsData(prometheus);
                phase("dashboard queries answered");
                assertEveryRuleIsAcceptedAndItsMetricsExist(prometheus);

                phase("rule queries answered");
                // The download stage stops; extractions keep ending: its backlog grows.
                pipeline.workers().stop(Stage.DOWNLOAD);
                for (int i = 0; i < 5; i++) {
                    poison(pipeline.bootstrapServers(), PipelineTopics.EXTRACTION_COMPLETED);
                    Thread.sleep(500);
                }
                await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(prometheus.alerts()).as("active alerts").anySatisfy(alert -> {
                            assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("PipelineConsumerLagGrowing");
                            assertThat(alert.path("labels").path("group").asText()).isEqualTo("download-worker");
                            assertThat(alert.path("state").asText()).isEqualTo("pending");
                        }));
                phase("lag alert pending");
            }
        }
    }

    private void assertEveryDashboardQueryReturnsData(PrometheusProcess prometheus) throws Exception {
        JsonNode dashboard = JSON.readTree(DOCKER.resolve("grafana/dashboards/invoice-pipeline.json").toFile());
        List<String> exprs = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> exprs.add(target.path("expr").asText())));
        assertThat(exprs).isNotEmpty();
        for (String expr : exprs) {
            // Grafana's rate window; 5m covers the whole run.
            String query = expr.replace("$__rate_interval", "5m");
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(prometheus.query(query)).as("dashboard query %s", query).isNotEmpty());
        }
    }

    @SuppressWarnings("unchecked")
    private void assertEveryRuleIsAcceptedAndItsMetricsExist(PrometheusProcess prometheus) throws Exception {
        Map<String, Object> rules = new Yaml().load(Files.readString(DOCKER.resolve("prometheus/rules/pipeline-rules.yml")));
        Set<String> metrics = new LinkedHashSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String expr = rule.get("expr").toString();
                prometheus.query(expr); // throws when Prometheus rejects it
                if (rule.containsKey("record")) {
                    await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                            assertThat(prometheus.query(expr)).as("recording rule %s", rule.get("record")).isNotEmpty());
                }
                metrics.addAll(PromQlMetricNames.of(expr));
            }
        }
        assertThat(metrics).contains("pipeline_monitor_consumer_lag_records", "invoice_extraction_credits_usable", "up");
        for (String metric : metrics) {
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(prometheus.query("count(" + metric + ")")).as("series of %s", metric).isNotEmpty());
        }
    }

    private void assertManagementEndpoints(Stage stage, int port) throws Exception {
        String base = "http://127.0.0.1:" + port + "/actuator";
        HttpResponse<String> readiness = get(base + "/health/readiness");
        assertThat(readiness.statusCode()).as("%s readiness: %s", stage, readiness.body()).isEqualTo(200);
        JsonNode components = JSON.readTree(readiness.body()).path("components");
        assertThat(components.has("kafkaCluster")).as("%s readiness checks Kafka", stage).isTrue();
        assertThat(components.has("listenerContainers")).as("%s readiness checks its containers", stage).isTrue();
        assertThat(components.path("rateLimitWait").path("status").asText()).as("%s shows its permit waits", stage)
                .isEqualTo("UP");
        assertThat(get(base + "/health/liveness").statusCode()).isEqualTo(200);
        JsonNode info = JSON.readTree(get(base + "/info").body());
        assertThat(info.path("stage").asText()).isEqualTo(stage.shortName());
        assertThat(info.path("version").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(info.path("api").path("baseUrl").asText()).startsWith("http://");

        JsonNode index = JSON.readTree(get(base).body()).path("_links");
        List<String> exposed = new ArrayList<>();
        index.fieldNames().forEachRemaining(exposed::add);
        assertThat(exposed).as("%s exposes only health, info and prometheus", stage)
                .allMatch(name -> name.equals("self") || name.startsWith("health") || name.equals("info")
                        || name.equals("prometheus"));
        List<String> urls = new ArrayList<>(List.of(base, base + "/health", base + "/health/liveness",
                base + "/health/readiness", base + "/info", base + "/prometheus"));
        for (String url : urls) {
            HttpResponse<String> response = get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.body()).as("%s never shows the API key", url).doesNotContain(LocalPipeline.SANDBOX_API_KEY);
        }
        for (String hidden : HIDDEN_ENDPOINTS) {
            assertThat(get(base + "/" + hidden).statusCode()).as("%s /actuator/%s", stage, hidden).isEqualTo(404);
        }
    }

    /** Where the time goes (the test's output file), to keep this test's share of CI time in view. */
    private void phase(String name) {
        System.out.printf("ObservabilityIT: %s at %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Path writePrometheusConfig(Map<Stage, Integer> ports, int monitorPort) throws IOException {
        // The project's rules, with the lag alert's window shortened and its hold lengthened, so that a backlog
        // growing for seconds makes it pending (and keeps it there while we look).
        String rules = Files.readString(DOCKER.resolve("prometheus/rules/pipeline-rules.yml"));
        String lagAlert = "        expr: pipeline:consumer_lag_records:sum > 0 and deriv(pipeline:consumer_lag_records:sum[10m]) > 0\n"
                + "        for: 10m\n";
        assertThat(rules).contains(lagAlert);
        rules = rules.replace(lagAlert, lagAlert.replace("[10m]", "[1m]").replace("for: 10m", "for: 1h"));
        Files.writeString(prometheusDir.resolve("pipeline-rules.yml"), rules);

        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - pipeline-rules.yml
                scrape_configs:
                """);
        Map<String, Integer> jobs = new LinkedHashMap<>();
        ports.forEach((stage, port) -> jobs.put(JOBS.get(stage), port));
        jobs.put("pipeline-monitor", monitorPort);
        jobs.forEach((job, port) -> config.append("  - job_name: ").append(job).append('\n')
                .append("    metrics_path: /actuator/prometheus\n")
                .append("    static_configs:\n      - targets: ['127.0.0.1:").append(port).append("']\n"));
        Path file = prometheusDir.resolve("prometheus.yml");
        Files.writeString(file, config.toString());
        return file;
    }

    private static ConfigurableApplicationContext startMonitor(String bootstrapServers, int port) {
        return new SpringApplicationBuilder(PipelineMonitorApplication.class)
                .web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .registerShutdownHook(false)
                .run("--pipeline.monitor.bootstrap-servers=" + bootstrapServers,
                        "--pipeline.monitor.poll-interval=1s",
                        "--management.server.port=" + port,
                        "--logging.level.org.apache.kafka=WARN");
    }

    private static void poison(String bootstrapServers, String topic) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "poison", "poison bytes".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
