package org.invoicepipeline.poll.config;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.invoicepipeline.common.kafka.ErrorHandlingDeserializers;
import org.invoicepipeline.common.kafka.StageErrorHandling;
import org.invoicepipeline.common.kafka.StageErrorHandlingConfiguration;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.poll.inflight.DeadLetterCommits;
import org.invoicepipeline.poll.inflight.InFlightOffsets;
import org.invoicepipeline.poll.outcome.OutcomePublisher;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.Acknowledgment;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka wiring of the poll stage: manual acknowledgement (a record is acknowledged when its extraction ends, and
 * only up to the lowest one still in flight), poison records to {@code extraction-submitted.DLT} through the
 * shared stage error handler, and one producer for events (questions included) and dead letters.
 */
@Configuration(proxyBeanMethods = false)
@Import(StageErrorHandlingConfiguration.class)
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

    /**
     * Shared error handling (StageErrorHandlingConfiguration); its template also writes the stage's events.
     * Never commits a dead-lettered record's offset itself: records below it may still be in flight
     * ({@link DeadLetterCommits} does, when none are).
     */
    @Bean
    public StageErrorHandling pollErrorHandling(PollWorkerProperties properties) {
        return new StageErrorHandling(OutcomePublisher.STAGE, properties.getRetry().toOptions(), false);
    }

    @Bean
    public ConcurrentKafkaListenerContainerFactory<String, ExtractionSubmitted> kafkaListenerContainerFactory(
            ConsumerFactory<String, ExtractionSubmitted> pollConsumerFactory, DefaultErrorHandler stageErrorHandler,
            InFlightOffsets<Acknowledgment> inFlightOffsets) {
        ConcurrentKafkaListenerContainerFactory<String, ExtractionSubmitted> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(pollConsumerFactory);
        factory.setCommonErrorHandler(new DeadLetterCommits(stageErrorHandler, inFlightOffsets));
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
