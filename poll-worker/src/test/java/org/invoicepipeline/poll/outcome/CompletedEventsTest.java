package org.invoicepipeline.poll.outcome;

import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.OutputUrls;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.SignedOutputUrls;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The completed status's signed output URLs travel to the download stage with their expiry, unless switched off. */
class CompletedEventsTest {

    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ExtractionSubmitted SUBMITTED = ExtractionSubmitted.newBuilder().setSubmissionId("sub-1")
            .setExtractionId("e-1").setUploadSessionId("us-1").setProfile("std").setAttempt(1).setSubmittedAt(NOW)
            .setFiles(List.of()).build();

    @Test
    void theStatusOutputUrlsAreCarriedWithTheirFiveMinuteExpiry() {
        ExtractionCompleted event = new CompletedEvents(CLOCK).completed(SUBMITTED,
                completed(new OutputUrls("https://s/o.xlsx?sig=a", null, "https://s/o.json?sig=c")));

        assertThat(event.getOutputUrls()).isEqualTo(new SignedOutputUrls("https://s/o.xlsx?sig=a", null,
                "https://s/o.json?sig=c", NOW.plusSeconds(300)));
    }

    @Test
    void switchedOffOrAbsentNoUrlsAreCarried() {
        OutputUrls urls = new OutputUrls("https://s/o.xlsx?sig=a", "https://s/o.csv?sig=b", "https://s/o.json?sig=c");

        assertThat(new CompletedEvents(CLOCK, false).completed(SUBMITTED, completed(urls)).getOutputUrls()).isNull();
        assertThat(new CompletedEvents(CLOCK, true).completed(SUBMITTED, completed(null)).getOutputUrls()).isNull();
    }

    private static ExtractionStatus.Completed completed(OutputUrls urls) {
        return new ExtractionStatus.Completed("e-1", 1, 10L, 0L, null, null, null, List.of(), null, urls);
    }
}
