package org.invoicepipeline.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.convert.DurationStyle;

import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class StageErrorHandlingConfigurationTest {

    @Test
    void aStageGetsItsErrorHandlerTemplateAndPauseSchedulerShutDownWithTheContext() {
        ThreadPoolTaskScheduler scheduler;
        try (var context = context(new StageErrorHandling("download", StageRetryOptions.defaults()))) {
            scheduler = context.getBean(ThreadPoolTaskScheduler.class);
            assertThat(scheduler.getThreadNamePrefix()).isEqualTo("download-pause-");
            assertThat(context.getBean(DefaultErrorHandler.class).isAckAfterHandle()).isTrue();
            assertThat(context.getBeansOfType(KafkaTemplate.class)).containsOnlyKeys("stageEventTemplate");
            assertThat(context.getBeansOfType(ListenerContainerPauseService.class)).containsOnlyKeys("stagePauseService");
        }
        assertThat(scheduler.getScheduledExecutor().isShutdown()).isTrue();
    }

    @Test
    void aStageThatAcknowledgesOutOfOrderNeverCommitsADeadLetteredRecord() {
        try (var context = context(new StageErrorHandling("poll", StageRetryOptions.defaults(), false))) {
            assertThat(context.getBean(DefaultErrorHandler.class).isAckAfterHandle()).isFalse();
        }
    }

    @ParameterizedTest(name = "max-blocking-sleep {0} with max.poll.interval.ms {1} -> starts: {2}")
    @CsvSource(nullValues = "-", value = {"2s, -, true", "150s, -, true", "151s, -, false", "10m, 1200000, true",
            "10m, 600000, false"})
    void theBlockingSleepMustStayWellBelowTheMaxPollInterval(String maxBlockingSleep, String maxPollInterval,
                                                              boolean starts) {
        Map<String, Object> consumer = maxPollInterval == null ? Map.of()
                : Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, maxPollInterval);
        Duration sleep = DurationStyle.detectAndParse(maxBlockingSleep);
        if (starts) {
            StageErrorHandlingConfiguration.checkBlockingSleep("poll", sleep, consumer);
        }
        else {
            assertThatIllegalStateException()
                    .isThrownBy(() -> StageErrorHandlingConfiguration.checkBlockingSleep("poll", sleep, consumer))
                    .withMessageStartingWith("pipeline.poll.retry.max-blocking-sleep (" + sleep + ") must be well below");
        }
    }

    private static AnnotationConfigApplicationContext context(StageErrorHandling handling) {
        var context = new AnnotationConfigApplicationContext();
        context.registerBean(StageErrorHandling.class, () -> handling);
        context.registerBean(KafkaProperties.class, KafkaProperties::new);
        context.registerBean(KafkaListenerEndpointRegistry.class, KafkaListenerEndpointRegistry::new);
        context.register(StageErrorHandlingConfiguration.class);
        context.refresh();
        return context;
    }
}
