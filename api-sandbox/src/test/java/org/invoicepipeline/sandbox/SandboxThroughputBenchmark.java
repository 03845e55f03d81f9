package org.invoicepipeline.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how many simple calls per second the sandbox answers with rate limits off: GET
 * /v1/credits/balance over keep-alive connections from several client threads in the same JVM
 * (client and server share the machine's cores). Not a test: run it with
 * {@code ./mvnw -o -q -pl api-sandbox test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.invoicepipeline.sandbox.SandboxThroughputBenchmark -Dexec.args=api-sandbox/benchmarks/README.md} (from the repository root).
 * Writes a Markdown report to the given file (printed only when none is given).
 */
public final class SandboxThroughputBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(4);
    private static final Duration MEASURE = Duration.ofSeconds(10);
    private static final int[] CLIENT_THREADS = {1, 4, 8, 16};

    private record Result(String call, int threads, long calls, long errors, double seconds, long[] latenciesMicros) {
        double perSecond() {
            return calls / seconds;
        }

        long percentile(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            return latenciesMicros[(int) Math.min(latenciesMicros.length - 1, Math.floor(p * latenciesMicros.length))];
        }
    }

    private SandboxThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Result> results = new ArrayList<>();
        try (ApiSandbox sandbox = ApiSandbox.builder().apiKey("bench").rateLimitScale(0)
                .pageProcessingTime(Duration.ofMillis(10)).start()) {
            SandboxClient setup = new SandboxClient(sandbox, "bench");
            Samples.uploadOne(setup, "bench", 1);
            String extractionId = setup.submit(Samples.submission("bench", "bench", List.of("f1")));
            setup.awaitNotProcessing(extractionId, Duration.ofSeconds(30));

            URI balance = URI.create(sandbox.baseUrl() + "/credits/balance");
            URI status = URI.create(sandbox.baseUrl() + "/extractions/" + extractionId);
            run("GET /v1/credits/balance", balance, 8, WARM_UP);
            for (int threads : CLIENT_THREADS) {
                results.add(run("GET /v1/credits/balance", balance, threads, MEASURE));
            }
            results.add(run("GET /v1/extractions/{id} (completed, signed URLs)", status, 8, MEASURE));
        }
        String report = report(results);
        if (args.length > 0) {
            Path file = Path.of(args[0]);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, report);
            System.out.println("Wrote " + file.toAbsolutePath());
        }
        System.out.println(report);
    }

    private static Result run(String name, URI uri, int threads, Duration duration) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer bench").GET().build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int slot = t;
            Thread worker = new Thread(() -> {
                int n = 0;
                try {
                    while (running.get()) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long micros = (System.nanoTime() - start) / 1_000;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        if (n < mine.length) {
                            mine[n++] = micros;
                        }
                        calls.incrementAndGet();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies.set(slot, Arrays.copyOf(mine, n));
                    done.countDown();
                }
            }, "bench-client-" + t);
            workers.add(worker);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(duration.toMillis());
        running.set(false);
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, threads, calls.get(), errors.get(), seconds, all);
    }

    private static String report(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("# api-sandbox throughput\n\n");
        out.append("Measured ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append(" by `SandboxThroughputBenchmark` on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores (Java ").append(System.getProperty("java.version"))
                .append("), rate limits off, client (java.net.http, HTTP/1.1 keep-alive) and sandbox in one JVM, ")
                .append(MEASURE.toSeconds()).append(" s per row after a ").append(WARM_UP.toSeconds())
                .append(" s warm-up. The machine is shared with other builds, so figures vary from run to run.\n\n");
        out.append("| Call | Client threads | Calls | Errors | Calls/s | p50 (ms) | p99 (ms) |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.2f |%n", r.call(), r.threads(),
                    r.calls(), r.errors(), r.perSecond(), r.percentile(0.50) / 1000.0, r.percentile(0.99) / 1000.0));
        }
        out.append("\nRe-run:\n\n```\n./mvnw -o -q -pl api-sandbox test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \\\n"
                + "    -Dexec.mainClass=org.invoicepipeline.sandbox.SandboxThroughputBenchmark "
                + "-Dexec.args=api-sandbox/benchmarks/README.md\n```\n");
        return out.toString();
    }
}
