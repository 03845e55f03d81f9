package org.invoicepipeline.common.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.model.ExtractionState;
import org.invoicepipeline.client.model.ExtractionStatus;

/**
 * The extractions this worker is waiting on, by the status the API last reported ({@code processing},
 * {@code input_required}), and how close the nearest {@code answer_by} of an {@code input_required} one is.
 * Fed by every status the client reads; a terminal status, a cancellation or a deletion removes the extraction,
 * and one not read again for {@code forgetAfter} (its watcher moved to another worker) is forgotten.
 */
public final class ExtractionsInFlight {

    public static final String IN_FLIGHT = "pipeline.extractions.in.flight";
    public static final String ANSWER_BY = "pipeline.extractions.input_required.answer_by.remaining";

    private record Seen(ExtractionState state, Instant answerBy, Instant at) {
    }

    private final Map<String, Seen> extractions = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration forgetAfter;
    private final AtomicBoolean registered = new AtomicBoolean();

    public ExtractionsInFlight(MeterRegistry registry, Clock clock, Duration forgetAfter) {
        this.registry = registry;
        this.clock = clock;
        this.forgetAfter = forgetAfter;
    }

    /** Registered on the first status read, so workers that never wait on extractions export nothing. */
    private void register() {
        if (!registered.compareAndSet(false, true)) {
            return;
        }
        for (ExtractionState state : new ExtractionState[] {ExtractionState.PROCESSING, ExtractionState.INPUT_REQUIRED}) {
            Gauge.builder(IN_FLIGHT, this, self -> self.count(state))
                    .tag("status", state == ExtractionState.PROCESSING ? "processing" : "input_required")
                    .description("Extractions this worker waits on, by the status the API last reported")
                    .register(registry);
        }
        Gauge.builder(ANSWER_BY, this, ExtractionsInFlight::secondsToNearestAnswerBy).baseUnit("seconds")
                .description("Seconds until the nearest answer_by of an extraction waiting in input_required "
                        + "(+Inf when none waits)")
                .register(registry);
    }

    public void observed(ExtractionStatus status) {
        if (status == null || status.extractionId() == null) {
            return;
        }
        register();
        if (status.isTerminal()) {
            extractions.remove(status.extractionId());
            return;
        }
        Instant answerBy = status instanceof ExtractionStatus.InputRequired asked ? asked.answerBy() : null;
        extractions.put(status.extractionId(), new Seen(status.state(), answerBy, clock.instant()));
    }

    public void ended(String extractionId) {
        if (extractionId != null) {
            extractions.remove(extractionId);
        }
    }

    double count(ExtractionState state) {
        forgetStale();
        return extractions.values().stream().filter(seen -> seen.state() == state).count();
    }

    double secondsToNearestAnswerBy() {
        forgetStale();
        Instant now = clock.instant();
        return extractions.values().stream()
                .filter(seen -> seen.state() == ExtractionState.INPUT_REQUIRED && seen.answerBy() != null)
                .mapToDouble(seen -> Duration.between(now, seen.answerBy()).toMillis() / 1000.0)
                .min().orElse(Double.POSITIVE_INFINITY);
    }

    private void forgetStale() {
        Instant limit = clock.instant().minus(forgetAfter);
        extractions.values().removeIf(seen -> seen.at().isBefore(limit));
    }
}
