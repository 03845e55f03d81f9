package org.invoicepipeline.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.invoicepipeline.ops.kafka.DeadLetterRecord;
import org.invoicepipeline.ops.output.Table;
import org.invoicepipeline.ops.trace.FileTrace;
import org.invoicepipeline.ops.trace.TraceStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.kafka.support.KafkaHeaders;

class FormattingTest {

    @ParameterizedTest
    @CsvSource({"30m, PT30M", "6h, PT6H", "7d, PT168H", "45s, PT45S"})
    void sinceTakesASpanBackFromNow(String text, String duration) {
        Instant now = Instant.parse("2026-07-01T12:00:00Z");

        assertThat(TimeBound.parse(text).resolve(now)).isEqualTo(now.minus(Duration.parse(duration)));
    }

    @Test
    void sinceTakesAnInstantAndRefusesAnythingElse() {
        assertThat(TimeBound.parse("2026-07-01T09:30:00Z").resolve(Instant.now()))
                .isEqualTo(Instant.parse("2026-07-01T09:30:00Z"));
        assertThatThrownBy(() -> TimeBound.parse("yesterday")).hasMessageContaining("neither a span");
    }

    @Test
    void tablesAlignColumnsAndShowMissingValuesAsADash() {
        String text = Table.of("A", "LONGER").row("x", null).row("wider", "y").render();

        assertThat(text).isEqualTo("A      LONGER\nx      -\nwider  y\n");
    }

    @Test
    void aTraceSaysTheCurrentOutcomeAndOneLinePerStep() {
        FileTrace trace = new FileTrace("f-1", Instant.EPOCH, true, "EXTRACTED", List.of(
                new TraceStep(Instant.parse("2026-07-01T09:30:00Z"), "registered", 0, null, null, null, null, "f.pdf",
                        "files-registered-0@1"),
                new TraceStep(Instant.parse("2026-07-01T09:31:00Z"), "result", 1, "EXTRACTED", "us-1", "sub-1", "e-1",
                        "result f-1/sub-1#1", "extraction-results-0@4")));

        String text = org.invoicepipeline.ops.trace.TraceCommandAccess.human(trace);

        assertThat(text.lines()).hasSize(4);
        assertThat(text).startsWith("file f-1: current outcome EXTRACTED\n")
                .contains("2026-07-01T09:31:00Z  result      1    EXTRACTED");
    }

    @Test
    void recordIdsRoundTripAndTheOriginalCoordinateHeadersAreSpringKafkas() {
        assertThat(DeadLetterRecord.parseId(DeadLetterRecord.id("files-registered.DLT", 2, 15)))
                .containsExactly("files-registered.DLT", 2, 15L);
        assertThat(DeadLetterRecord.parseId("no-offset")).isNull();
        assertThat(List.of(DeadLetterRecord.ORIGINAL_TOPIC, DeadLetterRecord.ORIGINAL_PARTITION,
                DeadLetterRecord.ORIGINAL_OFFSET)).containsExactly(KafkaHeaders.DLT_ORIGINAL_TOPIC,
                KafkaHeaders.DLT_ORIGINAL_PARTITION, KafkaHeaders.DLT_ORIGINAL_OFFSET);
    }
}
