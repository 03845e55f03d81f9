package org.invoicepipeline.poll.wait;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.common.kafka.StageErrorHandlers;
import org.invoicepipeline.common.kafka.StageNames;

import java.util.function.Supplier;

/** The poll stage's meters. */
public final class PollMetrics {

    private final MeterRegistry registry;

    public PollMetrics(MeterRegistry registry, Supplier<Number> inFlight) {
        this.registry = registry;
        Gauge.builder("pipeline.poll.in.flight", inFlight)
                .description("Extractions being waited for")
                .register(registry);
    }

    /** An extraction ended: completed, failed or cancelled (final, after any resubmissions). */
    void ended(String status) {
        Counter.builder("pipeline.poll.extractions.ended").tag("status", status)
                .description("Extractions that reached a final status").register(registry).increment();
    }

    void resubmitted(String code) {
        Counter.builder("pipeline.poll.resubmissions").tag("code", code)
                .description("Extractions submitted again after a retryable failure").register(registry).increment();
    }

    void questionsPublished() {
        Counter.builder("pipeline.poll.questions.published")
                .description("Sets of open questions published").register(registry).increment();
    }

    void questionsAnswered(int count) {
        Counter.builder("pipeline.poll.questions.answered")
                .description("Questions answered with accept_recommended").register(registry).increment(count);
    }

    void statusCallFailed(String code) {
        Counter.builder("pipeline.poll.status.errors").tag("code", code)
                .description("getExtraction calls that failed after the client's retries").register(registry).increment();
    }

    /** A record skipped after a restart: its extraction had finished before (recorded in the commit metadata). */
    void skipped() {
        Counter.builder("pipeline.poll.records.skipped")
                .description("Records skipped after a restart because their extraction had finished before")
                .register(registry).increment();
    }

    void deadLettered(String code) {
        Counter.builder(StageErrorHandlers.DEAD_LETTERS_METRIC).tag("stage", StageNames.POLL).tag("code", code)
                .description("Records a stage gave up on and wrote to its dead-letter topic").register(registry).increment();
    }
}
