package org.invoicepipeline.common.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractionsInFlightTest {

    private static final Instant NOW = Instant.parse("2026-07-01T09:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExtractionsInFlight inFlight = new ExtractionsInFlight(registry, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(10));

    @Test
    void countsExtractionsByTheirLastStatusAndTheNearestAnswerBy() {
        assertThat(registry.find(ExtractionsInFlight.IN_FLIGHT).gauges()).as("nothing before a first status").isEmpty();

        inFlight.observed(new ExtractionStatus.Processing("e1", 10));
        inFlight.observed(new ExtractionStatus.Processing("e2", 10));
        inFlight.observed(new ExtractionStatus.InputRequired("e3", 50, NOW.plusSeconds(1800), List.of()));
        inFlight.observed(new ExtractionStatus.InputRequired("e4", 50, NOW.plusSeconds(600), List.of()));
        inFlight.observed(new ExtractionStatus.Processing("e2", 60));
        inFlight.observed(new ExtractionStatus.Failed("e1", null));

        assertThat(gauge("processing")).isEqualTo(1);
        assertThat(gauge("input_required")).isEqualTo(2);
        assertThat(registry.get(ExtractionsInFlight.ANSWER_BY).gauge().value()).isEqualTo(600);

        inFlight.ended("e4");
        inFlight.observed(new ExtractionStatus.Processing("e3", 70));
        assertThat(gauge("input_required")).isZero();
        assertThat(registry.get(ExtractionsInFlight.ANSWER_BY).gauge().value()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    private double gauge(String status) {
        return registry.get(ExtractionsInFlight.IN_FLIGHT).tag("status", status).gauge().value();
    }
}
