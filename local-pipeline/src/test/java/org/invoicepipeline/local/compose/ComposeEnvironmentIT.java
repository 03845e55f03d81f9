package org.invoicepipeline.local.compose;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.client.ClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What can be proven of docker/compose.yaml without a Docker engine. Every process the file builds from this
 * repository gets exactly the environment its container would: the image's {@code ENV} (docker/Dockerfile, with the
 * service's build arguments) overlaid by the service's {@code environment}, with compose's default interpolation and
 * nothing inherited from the test. Only addresses change: service host names become 127.0.0.1, their ports free
 * ones, volume mount points temporary directories.
 * <ul>
 *   <li>every variable binds to a property of that process (its exec jar's configuration metadata), so a misspelt
 *   one fails here instead of being ignored by Spring;</li>
 *   <li>every process, started from its exec jar the way the image's entrypoint starts it, becomes healthy as the
 *   image's HEALTHCHECK (docker/healthcheck.sh, run here) judges it — readiness of the workers and the monitor,
 *   against a real KRaft broker configured from the kafka service's {@code KAFKA_*} settings — and each worker
 *   reports the API base URL compose gave it;</li>
 *   <li>the management ports compose sets, the image's health-check ports and Prometheus' scrape targets agree.</li>
 * </ul>
 */
class ComposeEnvironmentIT {

    /** The repository root: the parent of the module directory Maven runs tests in (or the directory itself). */
    private static final Path ROOT = Files.isDirectory(Path.of("docker"))
            ? Path.of("").toAbsolutePath() : Path.of("").toAbsolutePath().getParent();
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Path COMPOSE = DOCKER.resolve("compose.yaml");
    private static final Path DOCKERFILE = DOCKER.resolve("Dockerfile");
    private static final String SANDBOX = "api-sandbox";
    private static final String KAFKA = "kafka";

    /** The management port of each Spring process (README "Operations"). */
    private static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("pipeline-monitor", 8180,
            "upload-worker", 8181, "submit-worker", 8182, "poll-worker", 8183, "download-worker", 8184);

    /** Variables read by something else than Spring, and by what. */
    private static final Map<String, String> READ_OUTSIDE_SPRING = Map.of(
            "JAVA_OPTS", "the image's entrypoint (JVM options)",
            "HEALTH_PORT", "docker/healthcheck.sh",
            "HEALTH_PATH", "docker/healthcheck.sh",
            "HEALTH_HOST", "docker/healthcheck.sh",
            ClientOptions.API_KEY_ENV, "the API client, when pipeline.api.api-key is not set",
            "SANDBOX_API_KEYS", "api-sandbox's SandboxMain",
            "AWS_ACCESS_KEY_ID", "the AWS SDK's default credentials chain (S3 sources and outputs)",
            "AWS_SECRET_ACCESS_KEY", "the AWS SDK's default credentials chain (S3 sources and outputs)");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVICE_ADDRESS = Pattern.compile("(?<![\\w.-])([a-z][a-z0-9-]*):(\\d+)(?![\\w])");

    private final List<Process> processes = new ArrayList<>();
    private EmbeddedKafkaKraftBroker broker;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        for (Process process : processes) {
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void everyVariableOfEveryServiceBindsToAPropertyOfItsProcess() throws IOException {
        ComposeFile compose = ComposeFile.read(COMPOSE, new ComposeInterpolation(Map.of()));
        assertThat(compose.services()).containsKeys(KAFKA, SANDBOX, "upload-worker", "submit-worker", "poll-worker",
                "download-worker", "pipeline-monitor", "prometheus", "grafana", "apicurio-registry");
        assertThat(compose.service("apicurio-registry").profiles()).containsExactly("registry");
        assertThat(compose.service("redis").profiles()).containsExactly("redis");
        assertThat(compose.service("s3").profiles()).containsExactly("s3");

        Map<String, List<String>> unknown = new LinkedHashMap<>();
        for (ComposeFile.Service service : builtServices(compose, false)) {
            Map<String, String> environment = containerEnvironment(service);
            List<String> problems = service.name().equals(SANDBOX)
                    ? environment.keySet().stream().filter(name -> !READ_OUTSIDE_SPRING.containsKey(name))
                            .map(name -> name + " (the sandbox reads no such variable)").toList()
                    : new EnvironmentVariableCheck(ConfigurationMetadata.of(execJar(service)), READ_OUTSIDE_SPRING)
                            .unknown(environment);
            if (!problems.isEmpty()) {
                unknown.put(service.name(), problems);
            }
        }
        assertThat(unknown).as("variables that name no property of their process (misspelt?)").isEmpty();
    }

    @Test
    void managementPortsHealthChecksAndScrapeTargetsAgree() throws IOException {
        ComposeFile compose = ComposeFile.read(COMPOSE, new ComposeInterpolation(Map.of()));
        Map<String, Integer> scraped = scrapeTargets();
        MANAGEMENT_PORTS.forEach((name, port) -> {
            ComposeFile.Service service = compose.service(name);
            assertThat(service.environment()).as(name).containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(port));
            assertThat(service.buildArgs()).as(name + " health check port").containsEntry("HEALTH_PORT", String.valueOf(port));
            assertThat(scraped).as("Prometheus target of " + name).containsEntry(name, port);
        });
    }

    @Test
    void everyProcessStartsWithItsComposeEnvironmentAndBecomesHealthy() throws Exception {
        ComposeFile compose = ComposeFile.read(COMPOSE, new ComposeInterpolation(Map.of()));
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(brokerProperties(compose.service(KAFKA).environment()));
        broker.afterPropertiesSet();

        Map<String, String> addresses = new HashMap<>();
        addresses.put(KAFKA + ":9092", broker.getBrokersAsString());
        Path runDir = Files.createDirectories(Path.of("target", "compose-environment-it")).toAbsolutePath();
        List<ComposeFile.Service> services = builtServices(compose, true);
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        Map<String, Path> logs = new LinkedHashMap<>();
        for (ComposeFile.Service service : services) {
            Path volumes = Files.createDirectories(runDir.resolve(service.name()));
            Map<String, String> environment = new LinkedHashMap<>();
            for (Map.Entry<String, String> variable : containerEnvironment(service).entrySet()) {
                environment.put(variable.getKey(), onThisHost(service, variable.getKey(), variable.getValue(), addresses,
                        volumes));
            }
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(words(environment.getOrDefault("JAVA_OPTS", "")));
            // After the image's options, so they win: several JVMs share this machine's two cores and memory.
            command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            command.addAll(List.of("-jar", execJar(service).toString()));
            for (String argument : service.command()) {
                command.add(onThisHost(service, null, argument, addresses, volumes));
            }
            Path log = runDir.resolve(service.name() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            processes.add(builder.start());
            environments.put(service.name(), environment);
            logs.put(service.name(), log);
        }

        long started = System.nanoTime();
        Map<String, Boolean> healthy = new LinkedHashMap<>();
        environments.keySet().forEach(name -> healthy.put(name, false));
        await("every process healthy by its image's health check").atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofSeconds(1))
                .failFast("a process exited", () -> {
                    for (int i = 0; i < processes.size(); i++) {
                        String name = services.get(i).name();
                        assertThat(processes.get(i).isAlive()).as("%s exited; log %s:%n%s", name, logs.get(name),
                                tail(logs.get(name))).isTrue();
                    }
                })
                .untilAsserted(() -> {
                    for (Map.Entry<String, Map<String, String>> entry : environments.entrySet()) {
                        if (!healthy.get(entry.getKey())) {
                            healthy.put(entry.getKey(), healthCheckPasses(entry.getValue()));
                        }
                    }
                    assertThat(healthy).as("healthy processes (logs in %s)", runDir).doesNotContainValue(false);
                });

        // For the README's numbers: wall time to all healthy, and what the start cost in CPU (the machine's load varies).
        StringBuilder cpu = new StringBuilder();
        for (int i = 0; i < processes.size(); i++) {
            cpu.append(' ').append(services.get(i).name()).append('=').append(processes.get(i).info().totalCpuDuration()
                    .map(d -> d.toMillis() / 100 / 10.0 + "s").orElse("?"));
        }
        System.out.printf("all %d processes healthy after %.1f s; CPU:%s%n", processes.size(),
                (System.nanoTime() - started) / 1e9, cpu);

        String sandboxBaseUrl = "http://" + addresses.get(SANDBOX + ":8089") + "/v1";
        for (ComposeFile.Service service : services) {
            if (service.name().endsWith("-worker")) {
                JsonNode info = get(environments.get(service.name()).get("MANAGEMENT_SERVER_PORT"), "/actuator/info");
                assertThat(info.path("api").path("baseUrl").asText()).as(service.name() + " API base URL")
                        .isEqualTo(sandboxBaseUrl);
            }
        }
    }

    /** The services built from docker/Dockerfile; with {@code defaultProfileOnly}, those a plain {@code up} starts. */
    private static List<ComposeFile.Service> builtServices(ComposeFile compose, boolean defaultProfileOnly) {
        List<ComposeFile.Service> services = compose.services().values().stream()
                .filter(ComposeFile.Service::builtHere)
                .filter(service -> !defaultProfileOnly || service.inDefaultProfile())
                .toList();
        assertThat(services).extracting(ComposeFile.Service::name).containsExactlyInAnyOrder(SANDBOX, "upload-worker",
                "submit-worker", "poll-worker", "download-worker", "pipeline-monitor");
        return services;
    }

    /** The image's ENV overlaid by the service's environment: what the container's process sees. */
    private static Map<String, String> containerEnvironment(ComposeFile.Service service) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>(DockerfileEnvironment.of(DOCKERFILE, service.buildArgs()));
        environment.putAll(service.environment());
        return environment;
    }

    private static Path execJar(ComposeFile.Service service) throws IOException {
        Path target = ROOT.resolve(service.module()).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().matches(
                            Pattern.quote(service.module()) + "-.+-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no exec jar of " + service.module() + " in " + target
                            + ": package the modules first (./mvnw -B verify does, before this test)"));
        }
    }

    /**
     * A value as it must be on this host: {@code service:port} to a loopback address (the broker's, or a free port
     * per service and port), a bare service name to 127.0.0.1, a process's own listening port
     * ({@code MANAGEMENT_SERVER_PORT}, the health check's {@code HEALTH_PORT}, the sandbox's {@code --port}) to its
     * free port, a volume's mount point to a
     * directory of the test.
     */
    private static String onThisHost(ComposeFile.Service service, String variable, String value,
                                     Map<String, String> addresses, Path volumes) throws IOException {
        if ("MANAGEMENT_SERVER_PORT".equals(variable) || "HEALTH_PORT".equals(variable)) {
            return port(address(service.name() + ":" + value, addresses));
        }
        if (variable == null && value.startsWith("--port=")) {
            return "--port=" + port(address(service.name() + ":" + value.substring("--port=".length()), addresses));
        }
        Matcher matcher = SERVICE_ADDRESS.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = isService(matcher.group(1)) ? address(matcher.group(), addresses) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        String mapped = out.toString().replaceAll("(?<=^|=)(" + SANDBOX + "|" + KAFKA + ")$", "127.0.0.1");
        for (String volume : service.volumes()) {
            String[] parts = volume.split(":");
            String mountPoint = parts[1];
            if (mapped.equals(mountPoint) || mapped.startsWith(mountPoint + "/")) {
                Path directory = Files.createDirectories(volumes.resolve(Path.of(mountPoint).getFileName().toString()));
                mapped = directory + mapped.substring(mountPoint.length());
            }
        }
        return mapped;
    }

    private static boolean isService(String host) {
        return host.equals(KAFKA) || host.equals(SANDBOX) || host.equals("apicurio-registry")
                || MANAGEMENT_PORTS.containsKey(host) || host.equals("prometheus") || host.equals("grafana");
    }

    private static String address(String serviceAndPort, Map<String, String> addresses) {
        return addresses.computeIfAbsent(serviceAndPort, key -> "127.0.0.1:" + freePort());
    }

    private static String port(String address) {
        return address.substring(address.lastIndexOf(':') + 1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kafka service's KAFKA_* settings that are not about its listeners or its node, as broker properties. */
    private static Map<String, String> brokerProperties(Map<String, String> kafkaEnvironment) {
        Map<String, String> properties = new HashMap<>();
        kafkaEnvironment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !name.matches("KAFKA_(NODE_ID|PROCESS_ROLES|.*LISTENER.*|CONTROLLER_.*)")) {
                properties.put(name.substring("KAFKA_".length()).toLowerCase().replace('_', '.'), value);
            }
        });
        assertThat(properties).containsKeys("auto.create.topics.enable", "num.partitions",
                "transaction.state.log.replication.factor");
        return properties;
    }

    /** Runs docker/healthcheck.sh, the image's HEALTHCHECK, with the process's environment. */
    private static boolean healthCheckPasses(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", DOCKER.resolve("healthcheck.sh").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process check = builder.start();
        if (!check.waitFor(10, TimeUnit.SECONDS)) {
            check.destroyForcibly();
            return false;
        }
        return check.exitValue() == 0;
    }

    private static Map<String, Integer> scrapeTargets() throws IOException {
        Map<String, Object> config = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(DOCKER.resolve("prometheus/prometheus.yml")));
        Map<String, Integer> targets = new HashMap<>();
        for (Object job : (List<?>) config.get("scrape_configs")) {
            for (Object sd : (List<?>) ((Map<?, ?>) job).get("dns_sd_configs")) {
                Map<?, ?> discovery = (Map<?, ?>) sd;
                for (Object name : (List<?>) discovery.get("names")) {
                    targets.put(String.valueOf(name), ((Number) discovery.get("port")).intValue());
                }
            }
        }
        return targets;
    }

    private static JsonNode get(String port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
