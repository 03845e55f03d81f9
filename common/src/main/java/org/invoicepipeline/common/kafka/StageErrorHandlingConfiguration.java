package org.invoicepipeline.common.kafka;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.invoicepipeline.common.serde.EventSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The error handling of a worker's stage: {@code @Import} it and declare one {@link StageErrorHandling} bean.
 * Gives the context a {@link DefaultErrorHandler} (from {@link StageErrorHandlers}), the template it dead-letters
 * with (usable for the stage's own events too) and the scheduler that resumes paused containers. One set per
 * application context: each worker runs in its own, also in the one-JVM local run.
 */
@Configuration(proxyBeanMethods = false)
public class StageErrorHandlingConfiguration {

    /** Kafka's default {@code max.poll.interval.ms}. */
    private static final long DEFAULT_MAX_POLL_INTERVAL_MS = 300_000;

    /** Resumes containers paused for long back-offs; shut down with the context. */
    @Bean(destroyMethod = "shutdown")
    public ThreadPoolTaskScheduler stagePauseScheduler(StageErrorHandling handling) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix(handling.stage() + "-pause-");
        scheduler.initialize();
        return scheduler;
    }

    @Bean
    public ListenerContainerPauseService stagePauseService(KafkaListenerEndpointRegistry registry,
                                                           ThreadPoolTaskScheduler stagePauseScheduler) {
        return new ListenerContainerPauseService(registry, stagePauseScheduler);
    }

    /** Writes the stage's events and its dead letters (decoded events or raw bytes). */
    @Bean
    public KafkaTemplate<Object, Object> stageEventTemplate(KafkaProperties kafka) {
        return DeadLetterTemplates.create(kafka.buildProducerProperties(), new EventSerializer<>());
    }

    @Bean
    public DefaultErrorHandler stageErrorHandler(StageErrorHandling handling,
                                                 KafkaTemplate<Object, Object> stageEventTemplate,
                                                 ListenerContainerPauseService stagePauseService,
                                                 ObjectProvider<MeterRegistry> meters, KafkaProperties kafka) {
        checkBlockingSleep(handling.stage(), handling.retry().maxBlockingSleep(), kafka.buildConsumerProperties());
        DefaultErrorHandler handler = StageErrorHandlers.create(handling, stageEventTemplate, stagePauseService,
                meters.getIfAvailable());
        handler.setAckAfterHandle(handling.commitDeadLettered());
        return handler;
    }

    /**
     * A back-off slept on the consumer thread delays its next poll: {@code max-blocking-sleep} must stay well below
     * the consumer's {@code max.poll.interval.ms} (at most half of it), or a sleeping consumer leaves the group.
     */
    static void checkBlockingSleep(String stage, Duration maxBlockingSleep, Map<String, Object> consumerProperties) {
        Object configured = consumerProperties.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        long maxPollInterval = configured == null ? DEFAULT_MAX_POLL_INTERVAL_MS : Long.parseLong(configured.toString());
        if (maxBlockingSleep.toMillis() * 2 > maxPollInterval) {
            throw new IllegalStateException("pipeline." + stage + ".retry.max-blocking-sleep (" + maxBlockingSleep
                    + ") must be well below the consumer's max.poll.interval.ms (" + maxPollInterval
                    + " ms): at most half of it; longer back-offs pause the container instead");
        }
    }
}
