package org.invoicepipeline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.invoicepipeline.sandbox.account.AccountCounters;

/** Samples the sandbox's counters once a second: completed uploads (200s of completeFileUpload) and 429s over time. */
final class CallSampler implements AutoCloseable {

    /** One sample: seconds since the start, files completed, 429s so far. */
    record Sample(double seconds, long filesUploaded, long rateLimited) {
    }

    private final Supplier<AccountCounters> counters;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "benchmark-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Sample> samples = new ArrayList<>();
    private final long start = System.nanoTime();

    CallSampler(Supplier<AccountCounters> counters) {
        this.counters = counters;
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        AccountCounters now = counters.get();
        synchronized (samples) {
            samples.add(new Sample((System.nanoTime() - start) / 1e9, now.calls("completeFileUpload", 200),
                    now.rateLimitedResponses()));
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sample();
    }
}
