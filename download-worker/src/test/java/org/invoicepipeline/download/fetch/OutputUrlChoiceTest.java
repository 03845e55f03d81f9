package org.invoicepipeline.download.fetch;

import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.events.SignedOutputUrls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutputUrlChoiceTest {

    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    /** carried | format | seconds of validity left | choice (min validity 30 s) */
    @ParameterizedTest(name = "carried={0} {1} left={2}s -> {3}")
    @CsvSource({
            "false, XLSX, 300, REQUEST_NONE_CARRIED",
            "true,  XLSX, 300, CARRIED_URL",
            "true,  JSON, 31,  CARRIED_URL",
            "true,  JSON, 30,  CARRIED_URL",
            "true,  JSON, 29,  REQUEST_EXPIRED",
            "true,  JSON, -10, REQUEST_EXPIRED",
            "true,  CSV,  300, NOT_GENERATED",
            "true,  CSV,  -10, NOT_GENERATED",
            "true,  UNRECOGNISED, 300, NOT_GENERATED",
    })
    void choosesWhereTheFileComesFrom(boolean carried, OutputFormat format, long secondsLeft, OutputUrlChoice expected) {
        SignedOutputUrls urls = carried
                ? new SignedOutputUrls("https://s/o.xlsx?sig=a", null, "https://s/o.json?sig=c", NOW.plusSeconds(secondsLeft))
                : null;

        assertThat(OutputUrlChoice.of(urls, format, NOW, Duration.ofSeconds(30))).isEqualTo(expected);
    }
}
