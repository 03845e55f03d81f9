package org.invoicepipeline.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(context.getBean(ListenerContainerPauseService.class)).isNotNull();
        }
        assertThat(scheduler.getScheduledExecutor().isShutdown()).isTrue();
    }

    @Test
    void aStageThatAcknowledgesOutOfOrderNeverCommitsADeadLetteredRecord() {
        try (var context = context(new StageErrorHandling("poll", StageRetryOptions.defaults(), false))) {
            assertThat(context.getBean(DefaultErrorHandler.class).isAckAfterHandle()).isFalse();
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
