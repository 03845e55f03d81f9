package org.invoicepipeline.download.config;

import org.invoicepipeline.download.listener.ExtractionCompletedListener;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadKafkaConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
            .withUserConfiguration(Properties.class, DownloadKafkaConfiguration.class);

    @Test
    void theContainerHonoursSpringKafkaListenerSettingsAndKeepsWhatTheStageNeeds() {
        runner.withPropertyValues("spring.kafka.listener.poll-timeout=1234ms", "spring.kafka.listener.ack-mode=batch",
                        "spring.kafka.listener.concurrency=7", "pipeline.download.concurrency=2")
                .run(context -> {
                    ConcurrentKafkaListenerContainerFactory<?, ?> factory = context.getBean(
                            ExtractionCompletedListener.CONTAINER_FACTORY, ConcurrentKafkaListenerContainerFactory.class);
                    ContainerProperties container = factory.getContainerProperties();
                    assertThat(container.getPollTimeout()).isEqualTo(1234);
                    // One commit per record, after its results: not Boot's to change.
                    assertThat(container.getAckMode()).isEqualTo(ContainerProperties.AckMode.RECORD);
                    assertThat(factory).extracting("concurrency").isEqualTo(2);
                    assertThat(factory).extracting("commonErrorHandler")
                            .isSameAs(context.getBean(DefaultErrorHandler.class));
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DownloadWorkerProperties.class)
    static class Properties {
    }
}
