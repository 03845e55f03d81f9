package org.invoicepipeline.poll.config;

import org.invoicepipeline.poll.inflight.FinishedOffsetsCodec;
import org.invoicepipeline.poll.inflight.InFlightOffsets;
import org.invoicepipeline.poll.inflight.OffsetCommitter;
import org.invoicepipeline.poll.listener.ExtractionSubmittedListener;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PollKafkaConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
            .withUserConfiguration(Offsets.class, PollKafkaConfiguration.class);

    @Test
    void theContainerHonoursSpringKafkaListenerSettingsAndKeepsWhatTheStageNeeds() {
        runner.withPropertyValues("spring.kafka.listener.poll-timeout=1234ms", "spring.kafka.listener.ack-mode=record",
                        "spring.kafka.listener.concurrency=7", "pipeline.poll.concurrency=3",
                        "pipeline.poll.commit-interval=250ms")
                .run(context -> {
                    ConcurrentKafkaListenerContainerFactory<?, ?> factory = context.getBean(
                            ExtractionSubmittedListener.CONTAINER_FACTORY, ConcurrentKafkaListenerContainerFactory.class);
                    ContainerProperties container = factory.getContainerProperties();
                    assertThat(container.getPollTimeout()).isEqualTo(1234);
                    // The stage commits itself: the ack mode and idle interval are not Boot's to change.
                    assertThat(container.getAckMode()).isEqualTo(ContainerProperties.AckMode.MANUAL);
                    assertThat(container.getIdleEventInterval()).isEqualTo(250);
                    assertThat(factory).extracting("concurrency").isEqualTo(3);
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PollWorkerProperties.class)
    static class Offsets {

        @Bean
        InFlightOffsets inFlightOffsets() {
            return new InFlightOffsets();
        }

        @Bean
        OffsetCommitter offsetCommitter(InFlightOffsets offsets) {
            return new OffsetCommitter(offsets, new FinishedOffsetsCodec(4000), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), System::nanoTime);
        }
    }
}
