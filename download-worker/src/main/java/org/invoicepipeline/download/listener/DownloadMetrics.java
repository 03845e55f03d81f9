package org.invoicepipeline.download.listener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.events.ExtractionResult;

import java.util.List;

/** The download stage's meters. */
public final class DownloadMetrics {

    private final MeterRegistry registry;

    public DownloadMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void extractionHandled(String outcome) {
        Counter.builder("pipeline.download.extractions").tag("outcome", outcome)
                .description("Ended extractions turned into results").register(registry).increment();
    }

    void published(List<ExtractionResult> results) {
        for (ExtractionResult result : results) {
            Counter.builder("pipeline.download.results.published").tag("status", result.getStatus().name())
                    .description("ExtractionResult events published, one per source file").register(registry).increment();
            Counter.builder("pipeline.download.rows.published")
                    .description("Rows carried by published results").register(registry).increment(result.getRows().size());
        }
    }

    void unassignedRows(int count) {
        if (count > 0) {
            Counter.builder("pipeline.download.rows.unassigned")
                    .description("Rows whose Source File named no file of the extraction (kept in the stored outputs)")
                    .register(registry).increment(count);
        }
    }

    void replaySkipped() {
        Counter.builder("pipeline.download.replays.skipped")
                .description("Redelivered extractions whose results were already published and that were deleted")
                .register(registry).increment();
    }
}
