package org.invoicepipeline.client.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Not part of the build's tests (the name matches neither *Test nor *IT): measures what the client adds per call
 * over a bare {@link HttpClient} request against the in-process sandbox, and writes the numbers to
 * {@code benchmarks/client-overhead.md}. Run: {@code ./mvnw -pl common test -Dtest=ClientOverheadBenchmark}.
 */
class ClientOverheadBenchmark {

    private static final int WARMUP = 1_000;
    private static final int MEASURED = 1_000;
    private static final int ROUNDS = 5;

    private interface Call {
        void run() throws Exception;
    }

    @Test
    void measure() throws Exception {
        String key = "sk_bench";
        String limitedKey = "sk_bench_limited";   // its own shared limiter, enabled
        try (ApiSandbox sandbox = ApiSandbox.builder().apiKey(key).apiKey(limitedKey).rateLimitScale(0).start()) {
            HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ObjectMapper json = new ObjectMapper();
            HttpRequest rawRequest = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/credits/balance"))
                    .header("Authorization", "Bearer " + key).header("Accept", "application/json").GET().build();
            ClientOptions base = ClientOptions.builder(name -> null).baseUrl(sandbox.baseUrl()).apiKey(key).build();
            InvoiceExtractionClient bare = InvoiceExtractionClient.create(base.toBuilder()
                    .rateLimits(RateLimits.disabled()).build());
            InvoiceExtractionClient full = InvoiceExtractionClient.create(base.toBuilder()
                    .apiKey(limitedKey)
                    .rateLimits(RateLimits.documented().withScale(1_000_000))
                    .meterRegistry(new SimpleMeterRegistry()).build());

            Map<String, Call> variants = new LinkedHashMap<>();
            variants.put("raw HttpClient + Jackson tree", () -> json.readTree(
                    raw.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray()).body()));
            variants.put("client, no limiter, no metrics", bare::getCreditsBalance);
            variants.put("client, limiter + retry + Micrometer", full::getCreditsBalance);

            Map<String, long[]> results = new LinkedHashMap<>();
            for (Map.Entry<String, Call> variant : variants.entrySet()) {
                for (int i = 0; i < WARMUP; i++) {
                    variant.getValue().run();
                }
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, Call> variant : variants.entrySet()) {
                    long[] samples = new long[MEASURED];
                    for (int i = 0; i < MEASURED; i++) {
                        long start = System.nanoTime();
                        variant.getValue().run();
                        samples[i] = System.nanoTime() - start;
                    }
                    results.merge(variant.getKey(), samples, ClientOverheadBenchmark::concat);
                }
            }
            write(results);
        }
    }

    private static void write(Map<String, long[]> results) throws Exception {
        StringBuilder md = new StringBuilder()
                .append("# Client overhead per call\n\n")
                .append("`getCreditsBalance` against the in-process api-sandbox (rate limits off on the sandbox), ")
                .append("HTTP/1.1 keep-alive on loopback, ").append(ROUNDS).append(" interleaved rounds of ")
                .append(MEASURED).append(" calls per variant after ").append(WARMUP).append(" warm-up calls. ")
                .append("Written by `ClientOverheadBenchmark` (not run by the build).\n\n")
                .append("Measured ").append(Instant.now()).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, JDK ")
                .append(System.getProperty("java.version")).append(".\n\n")
                .append("| Variant | median µs | p90 µs | p99 µs | median overhead vs raw µs |\n")
                .append("|---|---:|---:|---:|---:|\n");
        double rawMedian = Double.NaN;
        for (Map.Entry<String, long[]> entry : results.entrySet()) {
            long[] sorted = entry.getValue().clone();
            Arrays.sort(sorted);
            double median = micros(sorted, 0.5);
            if (Double.isNaN(rawMedian)) {
                rawMedian = median;
            }
            md.append(String.format("| %s | %.1f | %.1f | %.1f | %+.1f |%n", entry.getKey(), median,
                    micros(sorted, 0.9), micros(sorted, 0.99), median - rawMedian));
        }
        Path target = Path.of("benchmarks", "client-overhead.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, md.toString());
        System.out.println(md);
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1_000.0;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
