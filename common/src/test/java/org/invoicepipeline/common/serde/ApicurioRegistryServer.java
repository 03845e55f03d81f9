package org.invoicepipeline.common.serde;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Apicurio Registry (the app distribution unpacked from Maven Central by the build) run as a child JVM
 * on 127.0.0.1 and a free port, with its default in-memory storage. Its output goes to a log file under target/.
 */
final class ApicurioRegistryServer implements AutoCloseable {

    /** Where the build unpacked {@code io.apicurio:apicurio-registry-app:tar.gz:all}. */
    static final String APP_DIR_PROPERTY = "apicurio.registry.app.dir";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    private ApicurioRegistryServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ApicurioRegistryServer start() throws IOException, InterruptedException {
        Path appDir = Path.of(System.getProperty(APP_DIR_PROPERTY, "target/apicurio-registry"));
        Path runner = runnerJar(appDir);
        int port = freePort();
        Path log = appDir.resolveSibling("apicurio-registry-it.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.enabled=false",
                "-Dquarkus.log.level=WARN",
                "-jar", runner.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(appDir.toFile())
                .start();
        ApicurioRegistryServer server = new ApicurioRegistryServer(process, port);
        try {
            server.awaitReady(log);
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Base URL of the v3 REST API: what {@code apicurio.registry.url} is set to. */
    String apiUrl() {
        return "http://127.0.0.1:" + port + "/apis/registry/v3";
    }

    /**
     * Registers {@code schema} as the first version of {@code artifactId} in the default group, as a deployment
     * does when producers run with auto-registration off; returns the content id.
     */
    long registerAvro(String artifactId, String schema) throws IOException, InterruptedException {
        var body = json.createObjectNode();
        body.put("artifactId", artifactId);
        body.put("artifactType", "AVRO");
        var content = body.putObject("firstVersion").putObject("content");
        content.put("content", schema);
        content.put("contentType", "application/json");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(apiUrl() + "/groups/default/artifacts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("registering " + artifactId + " failed: HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return json.readTree(response.body()).path("version").path("contentId").asLong();
    }

    /** The artifact's latest version metadata, or {@code null} when the artifact does not exist. */
    JsonNode latestVersion(String artifactId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl()
                        + "/groups/default/artifacts/" + artifactId + "/versions/branch=latest")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Apicurio Registry not ready within " + STARTUP_TIMEOUT + "; see " + log);
    }

    private static Path runnerJar(Path appDir) throws IOException {
        if (!Files.isDirectory(appDir)) {
            throw new IllegalStateException("no Apicurio Registry app at " + appDir.toAbsolutePath()
                    + " (the pre-integration-test phase unpacks it)");
        }
        Path quarkusRun = appDir.resolve("quarkus-app").resolve("quarkus-run.jar");
        if (Files.exists(quarkusRun)) {
            return quarkusRun;
        }
        try (Stream<Path> files = Files.list(appDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-runner.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runner jar in " + appDir + ": "
                            + String.join(", ", appDir.toFile().list())));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
