package org.invoicepipeline.submit.config;

import java.time.Duration;
import java.util.Map;

import org.invoicepipeline.common.testing.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A value the stage cannot work with fails the start, naming the property. */
class SubmitWorkerPropertiesTest {

    @Test
    void theDefaultsStart() {
        PropertiesBinding.defaultsStart(SubmitWorkerProperties.class);
    }

    /** The shared stage keys bind as before; unset ones keep the stage's defaults (group, first back-off 2 s). */
    @Test
    void theSharedKeysBindAndKeepTheStageDefaults() {
        SubmitWorkerProperties properties = PropertiesBinding.bound(SubmitWorkerProperties.class, Map.of(
                "pipeline.submit.concurrency", "3",
                "pipeline.submit.publish-timeout", "7s",
                SubmitWorkerProperties.TOPICS_PARTITIONS, "5"));

        assertThat(properties.getConcurrency()).isEqualTo(3);
        assertThat(properties.getPublishTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(properties.getTopics().getPartitions()).isEqualTo(5);
        assertThat(properties.getGroupId()).isEqualTo("submit-worker");
        assertThat(properties.getRetry().getInitialInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    /** setting | what the failure says, naming the property */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "pipeline.submit.topics.partitions=0; pipeline.submit.topics.partitions must be at least 1",
            "pipeline.submit.concurrency=0; pipeline.submit.concurrency must be at least 1",
            "pipeline.submit.publish-timeout=0s; pipeline.submit.publish-timeout must be positive",
            "pipeline.submit.retry.multiplier=0.9; pipeline.submit.retry.multiplier must be at least 1",
            "pipeline.submit.retry.max-interval=1s; pipeline.submit.retry.initial-interval must not be longer than retry.max-interval",
    })
    void anUnworkableValueFailsTheStartNamingTheProperty(String setting, String message) {
        PropertiesBinding.startFails(SubmitWorkerProperties.class, setting, message);
    }
}
