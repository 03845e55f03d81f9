package org.invoicepipeline.submit.config;

import org.invoicepipeline.common.testing.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A value the stage cannot work with fails the start, naming the property. */
class SubmitWorkerPropertiesTest {

    @Test
    void theDefaultsStart() {
        PropertiesBinding.defaultsStart(SubmitWorkerProperties.class);
    }

    /** setting | what the failure says, naming the property */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "pipeline.submit.concurrency=0; pipeline.submit.concurrency must be at least 1",
            "pipeline.submit.publish-timeout=0s; pipeline.submit.publish-timeout must be positive",
            "pipeline.submit.retry.multiplier=0.9; pipeline.submit.retry.multiplier must be at least 1",
            "pipeline.submit.retry.max-interval=1s; pipeline.submit.retry.initial-interval must not be longer than retry.max-interval",
    })
    void anUnworkableValueFailsTheStartNamingTheProperty(String setting, String message) {
        PropertiesBinding.startFails(SubmitWorkerProperties.class, setting, message);
    }
}
