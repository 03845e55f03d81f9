package org.invoicepipeline.client.sandbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.http.ClientMetrics;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads of two client instances with one key hammer one endpoint group well past its limit; the shared
 * limiter makes them wait for permits, so the sandbox never has to answer 429.
 */
class RateLimitIT {

    private static final int THREADS_PER_CLIENT = 8;
    private static final int CALLS_PER_THREAD = 20;

    @Test
    void manyThreadsNeverExceedTheGroupLimit() throws Exception {
        try (SandboxFixture fixture = SandboxFixture.start()) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            InvoiceExtractionClient first = fixture.client(registry);
            InvoiceExtractionClient second = fixture.client(registry);
            ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_CLIENT);
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 2 * THREADS_PER_CLIENT; t++) {
                InvoiceExtractionClient client = t % 2 == 0 ? first : second;
                calls.add(pool.submit(() -> {
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        client.getCreditsBalance();
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();

            int total = 2 * THREADS_PER_CLIENT * CALLS_PER_THREAD;
            AccountCounters counters = fixture.sandbox.control().counters(fixture.apiKey);
            assertThat(counters.rateLimitedResponses()).isZero();
            assertThat(counters.calls("getCreditsBalance", 200)).isEqualTo(total);
            assertThat(total).as("the load exceeds one window's limit (60)").isGreaterThan(60 * 4);
            assertThat(registry.get(ClientMetrics.RATE_LIMIT_WAIT).tag("group", "credits").timer()
                    .totalTime(TimeUnit.MILLISECONDS)).as("callers waited for permits").isPositive();
        }
    }
}
