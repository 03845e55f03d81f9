package org.invoicepipeline.upload.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.invoicepipeline.common.testing.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** A value the stage cannot work with fails the start, naming the property. */
class UploadWorkerPropertiesTest {

    @Test
    void theDefaultsStart() {
        PropertiesBinding.defaultsStart(UploadWorkerProperties.class);
    }

    /** The keys of the shared stage settings and of the groups in their own classes bind as before. */
    @Test
    void theSharedAndNestedKeysBind() {
        UploadWorkerProperties properties = PropertiesBinding.bound(UploadWorkerProperties.class, Map.of(
                "pipeline.upload.publish-timeout", "7s",
                "pipeline.upload.retry.max-attempts", "4",
                "pipeline.upload.retry.insufficient-credits-wait", "9s",
                "pipeline.upload.topics.partitions", "5",
                "pipeline.upload.validation.max-pdf-pages", "12",
                "pipeline.upload.planner.group-id", "planner-x",
                "pipeline.upload.uploader.group-id", "uploader-x"));

        assertThat(properties.getPublishTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(4);
        assertThat(properties.getRetry().getInsufficientCreditsWait()).isEqualTo(Duration.ofSeconds(9));
        assertThat(properties.getTopics().getPartitions()).isEqualTo(5);
        assertThat(properties.getValidation().getMaxPdfPages()).isEqualTo(12);
        assertThat(properties.getPlanner().getGroupId()).isEqualTo("planner-x");
        assertThat(properties.getUploader().getGroupId()).isEqualTo("uploader-x");
    }

    /** Object storage sources: the allow-list and the connection bind under validation.* and s3.*. */
    @Test
    void theS3SettingsBind() {
        UploadWorkerProperties properties = PropertiesBinding.bound(UploadWorkerProperties.class, Map.of(
                "pipeline.upload.validation.allowed-s3-locations[0]", "s3://inbox/scans/",
                "pipeline.upload.s3.endpoint", "http://127.0.0.1:9000",
                "pipeline.upload.s3.region", "eu-west-1",
                "pipeline.upload.s3.path-style-access", "true",
                "pipeline.upload.s3.max-attempts", "3"));

        assertThat(properties.getValidation().getAllowedS3Locations()).containsExactly("s3://inbox/scans/");
        assertThat(properties.getS3().getEndpoint()).hasToString("http://127.0.0.1:9000");
        assertThat(properties.getS3().getRegion()).isEqualTo("eu-west-1");
        assertThat(properties.getS3().isPathStyleAccess()).isTrue();
        assertThat(properties.getS3().getMaxAttempts()).isEqualTo(3);
    }

    /** The key constants other modules set (local-pipeline) name bound properties. */
    @Test
    void theKeyConstantsBind() {
        UploadWorkerProperties properties = PropertiesBinding.bound(UploadWorkerProperties.class, Map.of(
                UploadWorkerProperties.TOPICS_PARTITIONS, "6",
                UploadWorkerProperties.VALIDATION_MAX_PDF_SIZE, "1MB",
                UploadWorkerProperties.validationAllowedRoot(0), "/in",
                UploadWorkerProperties.PLANNER_LINGER, "300ms",
                UploadWorkerProperties.PLANNER_MAX_FILES_PER_SESSION, "5"));

        assertThat(properties.getTopics().getPartitions()).isEqualTo(6);
        assertThat(properties.getValidation().getMaxPdfSize()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(properties.getValidation().getAllowedRoots()).containsExactly(Path.of("/in"));
        assertThat(properties.getPlanner().getLinger()).isEqualTo(Duration.ofMillis(300));
        assertThat(properties.getPlanner().getMaxFilesPerSession()).isEqualTo(5);
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
            "pipeline.upload.dedup.poll-timeout=0s; pipeline.upload.dedup.poll-timeout must be positive",
            "pipeline.upload.validation.allowed-s3-locations[0]=inbox/scans; pipeline.upload.validation.allowed-s3-locations must be s3://bucket/ or s3://bucket/prefix",
            "pipeline.upload.s3.max-attempts=0; pipeline.upload.s3.max-attempts must be at least 1",
            "pipeline.upload.s3.socket-timeout=0s; pipeline.upload.s3.socket-timeout must be positive",
    })
    void anUnworkableValueFailsTheStartNamingTheProperty(String setting, String message) {
        PropertiesBinding.startFails(UploadWorkerProperties.class, setting, message);
    }
}
