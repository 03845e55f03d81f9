package org.invoicepipeline.poll.config;

import java.time.Duration;
import java.util.Map;

import org.invoicepipeline.common.testing.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A value the stage cannot work with fails the start, naming the property. */
class PollWorkerPropertiesTest {

    @Test
    void theDefaultsStart() {
        PropertiesBinding.defaultsStart(PollWorkerProperties.class);
        assertThat(new PollWorkerProperties().getResubmittableCodes())
                .containsExactly("CONCURRENT_TASK_LIMIT", "SUBMISSION_STALLED", "INTERNAL_ERROR");
    }

    /** The key constants other modules set (local-pipeline) name bound properties; the shared keys keep their defaults. */
    @Test
    void theKeyConstantsBind() {
        PollWorkerProperties properties = PropertiesBinding.bound(PollWorkerProperties.class, Map.of(
                PollWorkerProperties.LONG_POLL_WAIT, "5s",
                PollWorkerProperties.RESUBMIT_DELAY, "200ms",
                PollWorkerProperties.ERROR_BACKOFF, "300ms"));

        assertThat(properties.getLongPollWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.getResubmitDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.getErrorBackoff()).isEqualTo(Duration.ofMillis(300));
        assertThat(properties.getGroupId()).isEqualTo("poll-worker");
        assertThat(properties.getConcurrency()).isEqualTo(1);
        assertThat(properties.getPublishTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    /** setting | what the failure says, naming the property */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "pipeline.poll.long-poll-wait=60s; pipeline.poll.long-poll-wait must be between 1s and 45s",
            "pipeline.poll.long-poll-wait=0s; pipeline.poll.long-poll-wait must be between 1s and 45s",
            "pipeline.poll.waiter-threads=0; pipeline.poll.waiter-threads must be at least 1",
            "pipeline.poll.concurrency=0; pipeline.poll.concurrency must be at least 1",
            "pipeline.poll.max-in-flight=0; pipeline.poll.max-in-flight must be at least 1",
            "pipeline.poll.max-submission-attempts=0; pipeline.poll.max-submission-attempts must be at least 1",
            "pipeline.poll.resubmit-delay=-1s; pipeline.poll.resubmit-delay must not be negative",
            "pipeline.poll.input-required-recheck=0s; pipeline.poll.input-required-recheck must be positive",
            "pipeline.poll.error-backoff=5m; pipeline.poll.error-backoff must not be longer than max-error-backoff",
            "pipeline.poll.publish-timeout=0s; pipeline.poll.publish-timeout must be positive",
            "pipeline.poll.max-extraction-age=10s; pipeline.poll.max-extraction-age must be longer than long-poll-wait",
            "pipeline.poll.insufficient-credits-wait=0s; pipeline.poll.insufficient-credits-wait must be positive",
            "pipeline.poll.commit-interval=0s; pipeline.poll.commit-interval must be positive",
            "pipeline.poll.offset-metadata-max-bytes=-1; pipeline.poll.offset-metadata-max-bytes must be at least 0",
            "pipeline.poll.retry.initial-interval=0s; pipeline.poll.retry.initial-interval must be positive",
            "pipeline.poll.retry.multiplier=0.5; pipeline.poll.retry.multiplier must be at least 1",
            "pipeline.poll.retry.max-interval=100ms; pipeline.poll.retry.initial-interval must not be longer than retry.max-interval",
            "pipeline.poll.retry.max-attempts=0; pipeline.poll.retry.max-attempts must be at least 1",
            "pipeline.poll.retry.max-blocking-sleep=-1s; pipeline.poll.retry.max-blocking-sleep must not be negative",
    })
    void anUnworkableValueFailsTheStartNamingTheProperty(String setting, String message) {
        PropertiesBinding.startFails(PollWorkerProperties.class, setting, message);
    }
}
