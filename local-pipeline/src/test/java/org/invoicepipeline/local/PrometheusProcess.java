package org.invoicepipeline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (the {@code prometheus} binary of Debian's package, as {@code .ci/run} installs it) on a
 * loopback port with its storage in a temporary directory, and its HTTP query API.
 */
final class PrometheusProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** The binary on the PATH (or /usr/bin), if installed. */
    static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin";
        for (String dir : path.split(":")) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, "prometheus");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static PrometheusProcess start(Path binary, Path config, Path workDir, int port) throws Exception {
        Path storage = Files.createDirectories(workDir.resolve("data"));
        Path log = workDir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + storage,
                "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=1h",
                "--log.level=warn")
                .directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusProcess prometheus = new PrometheusProcess(process, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(log));
            }
            try {
                if (prometheus.get("/-/ready").statusCode() == 200) {
                    return prometheus;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        prometheus.close();
        throw new IllegalStateException("prometheus not ready in 30 s: " + Files.readString(log));
    }

    /** The result vector of an instant query; throws when Prometheus rejects the expression. */
    JsonNode query(String expr) throws Exception {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalArgumentException("query failed: " + expr + " -> " + response.body());
        }
        return body.path("data").path("result");
    }

    /** Active alerts (pending and firing). */
    List<JsonNode> alerts() throws Exception {
        JsonNode body = JSON.readTree(get("/api/v1/alerts").body());
        return List.copyOf(JSON.convertValue(body.path("data").path("alerts"),
                JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class)));
    }

    JsonNode targets() throws Exception {
        return JSON.readTree(get("/api/v1/targets").body()).path("data").path("activeTargets");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
