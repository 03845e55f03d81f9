package org.invoicepipeline.common.testing;

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
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for tests: Adobe's S3Mock (a Spring Boot app from Maven Central) run as a child JVM
 * on a free port, reached on 127.0.0.1 over plain HTTP with path-style addressing, its objects in a temporary
 * directory. The build copies its exec jar to {@code target/s3mock/s3mock-exec.jar}; the local Maven repository is
 * the fallback. Output goes to {@code target/s3mock/s3mock-<port>.log}.
 * <p>
 * S3Mock accepts any credentials and does not enforce bucket policies (no 403), throttling (503 SlowDown) or
 * server-side encryption keys; tests of those answers stub the SDK instead.
 */
public final class S3MockServer implements AutoCloseable {

    /** The S3Mock version the build copies (root pom {@code s3mock.version}). */
    public static final String VERSION = "4.8.0";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private static S3MockServer shared;

    private final Process process;
    private final int port;
    private final Path log;

    private S3MockServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts S3Mock with {@code buckets} created, and waits until it answers. */
    public static S3MockServer start(String... buckets) throws IOException, InterruptedException {
        Path jar = jar();
        int port = freePort();
        Path dir = Files.createDirectories(Path.of("target", "s3mock"));
        Path root = Files.createTempDirectory(dir.toAbsolutePath(), "store-");
        Path log = dir.resolve("s3mock-" + port + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.http-port=" + port,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        if (buckets.length > 0) {
            command.add("--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets));
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        S3MockServer server = new S3MockServer(process, port, log);
        try {
            server.awaitReady(buckets.length > 0 ? buckets[0] : null);
        }
        catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * One server for every test of this JVM that asks (started on first use, stopped when the JVM exits), so test
     * classes of a module pay its start once; they create their own buckets ({@link #createBuckets}).
     */
    public static synchronized S3MockServer shared() throws IOException, InterruptedException {
        if (shared == null || !shared.process.isAlive()) {
            S3MockServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3mock-stop"));
            shared = server;
        }
        return shared;
    }

    /** Creates {@code buckets} (path-style {@code PUT /bucket}); one that exists already is kept. */
    public void createBuckets(String... buckets) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String bucket : buckets) {
            int status = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/" + bucket))
                    .PUT(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200 && status != 409) {
                throw new IOException("creating bucket " + bucket + " failed: HTTP " + status + "; see " + log);
            }
        }
    }

    /** The endpoint to override the SDK's with (path-style access). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(String bucket) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(endpoint() + "/" + (bucket == null ? "" : bucket)))
                .method(bucket == null ? "GET" : "HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("S3Mock not ready within " + STARTUP_TIMEOUT + "; see " + log);
    }

    private static Path jar() {
        Path copied = Path.of("target", "s3mock", "s3mock-exec.jar");
        if (Files.isRegularFile(copied)) {
            return copied.toAbsolutePath();
        }
        Path repository = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path cached = repository.resolve(Path.of("com", "adobe", "testing", "s3mock", VERSION,
                "s3mock-" + VERSION + "-exec.jar"));
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        throw new IllegalStateException("no S3Mock jar at " + copied.toAbsolutePath() + " or " + cached
                + " (the generate-test-resources phase copies com.adobe.testing:s3mock:" + VERSION + ":exec)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
