package org.invoicepipeline.download.config;

import java.nio.file.Path;
import java.util.Map;

import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.common.testing.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A value the stage cannot work with fails the start, naming the property. */
class DownloadWorkerPropertiesTest {

    @Test
    void theDefaultsStart() {
        PropertiesBinding.defaultsStart(DownloadWorkerProperties.class);
    }

    /** The key constants other modules set (local-pipeline) name bound properties; the group keeps its default. */
    @Test
    void theKeyConstantsBind() {
        DownloadWorkerProperties properties = PropertiesBinding.bound(DownloadWorkerProperties.class, Map.of(
                DownloadWorkerProperties.OUTPUT_DIRECTORY, "/out",
                DownloadWorkerProperties.FORMATS, "json"));

        assertThat(properties.getOutputDirectory()).isEqualTo(Path.of("/out"));
        assertThat(properties.getFormats()).containsExactly(OutputFormat.JSON);
        assertThat(properties.getGroupId()).isEqualTo("download-worker");
    }

    /** setting | what the failure says, naming the property */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "pipeline.download.concurrency=0; pipeline.download.concurrency must be at least 1",
            "pipeline.download.output-s3-location=erp-outputs/prefix; pipeline.download.output-s3-location must be s3://bucket/ or s3://bucket/prefix/",
            "pipeline.download.s3.max-attempts=0; pipeline.download.s3.max-attempts must be at least 1",
            "pipeline.download.results-page-size=0; pipeline.download.results-page-size must be between 1 and 1000",
            "pipeline.download.results-page-size=1001; pipeline.download.results-page-size must be between 1 and 1000",
            "pipeline.download.publish-timeout=0s; pipeline.download.publish-timeout must be positive",
            "pipeline.download.retry.max-attempts=0; pipeline.download.retry.max-attempts must be at least 1",
            "pipeline.download.output-url-min-validity=5m; pipeline.download.output-url-min-validity must be between 0 and 5 minutes",
            "pipeline.download.output-url-min-validity=-1s; pipeline.download.output-url-min-validity must be between 0 and 5 minutes",
    })
    void anUnworkableValueFailsTheStartNamingTheProperty(String setting, String message) {
        PropertiesBinding.startFails(DownloadWorkerProperties.class, setting, message);
    }
}
