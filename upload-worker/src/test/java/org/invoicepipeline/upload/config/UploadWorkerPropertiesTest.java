package org.invoicepipeline.upload.config;

import org.invoicepipeline.common.testing.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A value the stage cannot work with fails the start, naming the property. */
class UploadWorkerPropertiesTest {

    @Test
    void theDefaultsStart() {
        PropertiesBinding.defaultsStart(UploadWorkerProperties.class);
    }

    /** setting | what the failure says, naming the property */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "pipeline.upload.topics.partitions=0; pipeline.upload.topics.partitions must be at least 1",
            "pipeline.upload.validation.max-pdf-pages=0; pipeline.upload.validation.max-pdf-pages must be at least 1",
            "pipeline.upload.planner.max-files-per-session=6001; pipeline.upload.planner.max-files-per-session must be between 1 and 6000",
            "pipeline.upload.planner.max-session-size=3GB; pipeline.upload.planner.max-session-size must be above 0 and at most 2GB",
            "pipeline.upload.planner.linger=-1s; pipeline.upload.planner.linger must not be negative",
            "pipeline.upload.planner.poll-timeout=0s; pipeline.upload.planner.poll-timeout must be positive",
            "pipeline.upload.uploader.max-session-time=0s; pipeline.upload.uploader.max-session-time must be positive",
            "pipeline.upload.uploader.file-concurrency=0; pipeline.upload.uploader.file-concurrency must be at least 1",
            "pipeline.upload.publish-timeout=0s; pipeline.upload.publish-timeout must be positive",
            "pipeline.upload.retry.insufficient-credits-wait=0s; pipeline.upload.retry.insufficient-credits-wait must be positive",
            "pipeline.upload.retry.max-attempts=0; pipeline.upload.retry.max-attempts must be at least 1",
    })
    void anUnworkableValueFailsTheStartNamingTheProperty(String setting, String message) {
        PropertiesBinding.startFails(UploadWorkerProperties.class, setting, message);
    }
}
