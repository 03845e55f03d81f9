package org.invoicepipeline.poll.failure;

import org.invoicepipeline.events.ErrorInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractionDeadlineTest {

    private static final Instant SUBMITTED = Instant.parse("2026-03-01T08:00:00Z");
    private final ExtractionDeadline deadline = new ExtractionDeadline(Duration.ofHours(24));

    @ParameterizedTest(name = "{0} after submission -> exceeded: {1}")
    @CsvSource({"PT0S, false", "PT23H59M59S, false", "PT24H, true", "PT72H, true"})
    void anExtractionOutlivesTheDeadlineOnceItsAgeReachesIt(Duration age, boolean exceeded) {
        assertThat(deadline.exceeded(SUBMITTED, SUBMITTED.plus(age))).isEqualTo(exceeded);
    }

    @ParameterizedTest
    @CsvSource({"processing", "input_required"})
    void itsFilesFailWithOurCodeAndAMessageNamingTheExtraction(String status) {
        ErrorInfo error = deadline.error("e-1", status, SUBMITTED, SUBMITTED.plus(Duration.ofHours(25)));

        assertThat(error.getCode()).isEqualTo("EXTRACTION_DEADLINE_EXCEEDED");
        assertThat(error.getMessage()).contains("e-1", status, "PT25H", "PT24H");
        assertThat(error.getRetryable()).isFalse();
    }
}
