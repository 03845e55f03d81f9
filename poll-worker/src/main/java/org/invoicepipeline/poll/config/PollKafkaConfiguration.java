package org.invoicepipeline.poll.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.invoicepipeline.common.kafka.DeadLetterTemplates;
import org.invoicepipeline.common.kafka.ErrorHandlingDeserializers;
import org.invoicepipeline.common.kafka.StageErrorHandlers;
import org.invoicepipeline.common.kafka.StageRetryOptions;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.poll.inflight.InFlightOffsets;
import org.invoicepipeline.poll.outcome.OutcomePublisher;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka wiring of the poll stage: manual acknowledgement (a record is acknowledged when its extraction ends, and
 * only up to the lowest one still in flight), poison records to {@code extraction-submitted.DLT} through the
 * shared stage error handler, and one producer for events (questions included) and dead letters.
 */
@Configuration(proxyBeanMethods = false)
public class PollKafkaConfiguration {

    @Bean
    public ConsumerFactory<String, ExtractionSubmitted> pollConsumerFactory(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new DefaultKafkaConsumerFactory<>(props,
                ErrorHandlingDeserializers.wrap(new StringDeserializer()),
                ErrorHandlingDeserializers.wrap(new EventDeserializer<>(ExtractionSubmitted.class)));
    }

    /** Events (questions included) through the shared event serializer, undecodable dead letters as raw bytes. */
    @Bean
    public KafkaTemplate<Object, Object> pollTemplate(KafkaProperties kafka) {
        Map<Class<?>, Serializer<?>> values = new LinkedHashMap<>();
        values.put(byte[].class, new ByteArraySerializer());
        values.put(Object.class, new EventSerializer<>());
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), DeadLetterTemplates.keySerializer(),
                new DelegatingByTypeSerializer(values, true));
        return new KafkaTemplate<>(factory);
    }

    @Bean(destroyMethod = "shutdown")
    public ThreadPoolTaskScheduler pollPauseScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("poll-pause-");
        scheduler.initialize();
        return scheduler;
    }

    @Bean
    public ListenerContainerPauseService pollPauseService(KafkaListenerEndpointRegistry registry,
                                                          ThreadPoolTaskScheduler pollPauseScheduler) {
        return new ListenerContainerPauseService(registry, pollPauseScheduler);
    }

    @Bean
    public DefaultErrorHandler pollErrorHandler(KafkaTemplate<Object, Object> pollTemplate,
                                                ListenerContainerPauseService pollPauseService, MeterRegistry meters) {
        DefaultErrorHandler handler = StageErrorHandlers.create(OutcomePublisher.STAGE, pollTemplate, pollPauseService,
                StageRetryOptions.defaults(), meters);
        // Never commit a dead-lettered record's offset: records below it may still be in flight.
        handler.setAckAfterHandle(false);
        return handler;
    }

    @Bean
    public ConcurrentKafkaListenerContainerFactory<String, ExtractionSubmitted> kafkaListenerContainerFactory(
            ConsumerFactory<String, ExtractionSubmitted> pollConsumerFactory, DefaultErrorHandler pollErrorHandler,
            InFlightOffsets<Acknowledgment> inFlightOffsets) {
        ConcurrentKafkaListenerContainerFactory<String, ExtractionSubmitted> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(pollConsumerFactory);
        factory.setCommonErrorHandler(pollErrorHandler);
        ContainerProperties container = factory.getContainerProperties();
        container.setAckMode(ContainerProperties.AckMode.MANUAL);
        container.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                inFlightOffsets.forget(partitions);
            }

            @Override
            public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                inFlightOffsets.forget(partitions);
            }
        });
        return factory;
    }
}
