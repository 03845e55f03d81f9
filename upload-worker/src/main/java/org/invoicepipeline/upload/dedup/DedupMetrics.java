package org.invoicepipeline.upload.dedup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.events.ResultStatus;

/** Meters of content de-duplication. */
public final class DedupMetrics {

    private final MeterRegistry registry;
    private final Counter duplicates;

    public DedupMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("pipeline.upload.files.content.duplicates")
                .description("Valid files not uploaded because their content was already planned under their profile")
                .register(registry);
    }

    void duplicateTaken() {
        duplicates.increment();
    }

    void duplicateResolved(ResultStatus status) {
        Counter.builder("pipeline.upload.dedup.results.published").tag("status", status.name())
                .description("Results published for duplicates, from their first file's result")
                .register(registry).increment();
    }

    void resolverRestarted() {
        Counter.builder("pipeline.upload.dedup.resolver.restarts")
                .description("Times the duplicate resolver started over after a failure").register(registry).increment();
    }
}
