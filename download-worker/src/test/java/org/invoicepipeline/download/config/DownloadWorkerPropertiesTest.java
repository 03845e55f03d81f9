package org.invoicepipeline.download.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** A value the stage cannot work with fails the start, naming the property. */
class DownloadWorkerPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class);

    @Test
    void theDefaultsPass() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    /** setting | the property the failure names */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "pipeline.download.concurrency=0;              pipeline.download.concurrency must be at least 1",
            "pipeline.download.results-page-size=0;        pipeline.download.results-page-size must be between 1 and 1000",
            "pipeline.download.results-page-size=1001;     pipeline.download.results-page-size must be between 1 and 1000",
            "pipeline.download.publish-timeout=0s;         pipeline.download.publish-timeout must be positive",
            "pipeline.download.retry.max-attempts=0;       pipeline.download.retry.max-attempts must be at least 1",
    })
    void anUnworkableValueFailsTheStartNamingTheProperty(String setting, String message) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DownloadWorkerProperties.class)
    static class Properties {
    }
}
