package org.invoicepipeline.local.progress;

import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.ExtractionStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The API's {@code progress} (0-100, on {@code processing} and {@code input_required} statuses) of the extractions
 * this run waits on. No stage publishes it, so the launcher asks: one getExtraction without {@code wait} per
 * extraction in flight, every {@link #EVERY}, at most {@link #PER_ROUND} per round. Its client shares this JVM's
 * rate limiter of the key with the poll worker, so these calls come out of the same per-key budget and never push
 * the run over the API's limits; a failed call only leaves the last value shown.
 */
public final class ExtractionProgress implements AutoCloseable {

    public static final Duration EVERY = Duration.ofSeconds(3);
    public static final int PER_ROUND = 4;

    private final InvoiceExtractionClient client;
    private final Supplier<Collection<String>> inFlight;
    private final Map<String, Integer> percent = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int next;

    /** @param inFlight the extraction ids the run waits on now */
    public ExtractionProgress(InvoiceExtractionClient client, Supplier<Collection<String>> inFlight) {
        this.client = client;
        this.inFlight = inFlight;
        this.thread = new Thread(this::run, "extraction-progress");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The last progress read per extraction id. */
    public Map<String, Integer> percentages() {
        return Map.copyOf(percent);
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(EVERY.toMillis());
                round();
            }
            catch (InterruptedException e) {
                return;
            }
            catch (RuntimeException ignored) {
                // progress is informational: try again next round
            }
        }
    }

    private void round() {
        List<String> ids = new ArrayList<>(inFlight.get());
        percent.keySet().retainAll(ids);
        for (int i = 0; i < Math.min(PER_ROUND, ids.size()) && running; i++) {
            String id = ids.get((next + i) % ids.size());
            try {
                ExtractionStatus status = client.getExtraction(id);
                Integer progress = status instanceof ExtractionStatus.Processing p ? p.progress()
                        : status instanceof ExtractionStatus.InputRequired q ? q.progress() : null;
                if (progress != null) {
                    percent.put(id, Math.max(0, Math.min(100, progress)));
                }
            }
            catch (RuntimeException ignored) {
                // the next round asks again
            }
        }
        next += PER_ROUND;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
