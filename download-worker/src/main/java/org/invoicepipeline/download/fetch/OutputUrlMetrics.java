package org.invoicepipeline.download.fetch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts where output files came from, so the output endpoint's share (30 calls/min per key) is visible:
 * {@code pipeline.download.output.url.requests{reason}} counts the files for which the output endpoint was asked
 * (expired, none carried, refused), {@code pipeline.download.outputs.fetched{url}} every file fetched, by the URL
 * it came from.
 */
public final class OutputUrlMetrics {

    /** Why a fresh URL was requested. */
    public enum Reason {
        EXPIRED("expired"), NONE_CARRIED("none-carried"), REFUSED("refused");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;

    public OutputUrlMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Reason reason : Reason.values()) {
            requests(reason);
        }
    }

    void requested(Reason reason) {
        requests(reason).increment();
    }

    void fetched(boolean fromCarriedUrl) {
        Counter.builder("pipeline.download.outputs.fetched").tag("url", fromCarriedUrl ? "carried" : "output-endpoint")
                .description("Output files fetched, by the signed URL they came from")
                .register(registry).increment();
    }

    private Counter requests(Reason reason) {
        return Counter.builder("pipeline.download.output.url.requests").tag("reason", reason.tag)
                .description("Output files for which the output endpoint was asked for a fresh signed URL")
                .register(registry);
    }
}
