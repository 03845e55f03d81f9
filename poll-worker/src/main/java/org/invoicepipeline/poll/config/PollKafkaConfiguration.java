package org.invoicepipeline.poll.config;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.invoicepipeline.common.kafka.ErrorHandlingDeserializers;
import org.invoicepipeline.common.kafka.StageErrorHandling;
import org.invoicepipeline.common.kafka.StageErrorHandlingConfiguration;
import org.invoicepipeline.common.kafka.StageNames;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.poll.inflight.DeadLetteredOffsets;
import org.invoicepipeline.poll.inflight.InFlightOffsets;
import org.invoicepipeline.poll.inflight.OffsetCommitter;
import org.invoicepipeline.poll.outcome.PollDeadLetterResults;
import org.invoicepipeline.poll.listener.ExtractionSubmittedListener;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
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

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka wiring of the poll stage: offsets committed by the {@link OffsetCommitter} on the consumer thread (up to
 * the lowest record still in flight, the finished ones above it in the commit metadata), poison records to {@code extraction-submitted.DLT} through the
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
     * ({@link DeadLetteredOffsets} commits through the {@link OffsetCommitter}). A dead-lettered record's files get
     * DEAD_LETTERED results first.
     */
    @Bean
    public StageErrorHandling pollErrorHandling(PollWorkerProperties properties, InFlightOffsets inFlightOffsets,
                                                OffsetCommitter offsetCommitter) {
        return new StageErrorHandling(StageNames.POLL, properties.getRetry().toOptions(), false)
                .withPublishTimeout(properties.getPublishTimeout())
                .withAfterDeadLetter(new DeadLetteredOffsets(inFlightOffsets, offsetCommitter))
                .withDeadLetterResults(properties.getTopics().getExtractionResults(),
                        new PollDeadLetterResults(Clock.systemUTC()));
    }

    /** Boot's {@code spring.kafka.listener.*} first, then what the stage's commits need. */
    @Bean(ExtractionSubmittedListener.CONTAINER_FACTORY)
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ConcurrentKafkaListenerContainerFactory<Object, Object> pollContainerFactory(
            ConsumerFactory<String, ExtractionSubmitted> pollConsumerFactory,
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, DefaultErrorHandler stageErrorHandler,
            InFlightOffsets inFlightOffsets, OffsetCommitter offsetCommitter, PollWorkerProperties properties) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, (ConsumerFactory) pollConsumerFactory);
        factory.setConcurrency(properties.getConcurrency());
        factory.setCommonErrorHandler(stageErrorHandler);
        ContainerProperties container = factory.getContainerProperties();
        // MANUAL with no acknowledgement: the container never commits; the OffsetCommitter does, on this thread.
        container.setAckMode(ContainerProperties.AckMode.MANUAL);
        container.setIdleEventInterval(properties.getCommitInterval().toMillis());
        container.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                offsetCommitter.assigned(consumer, partitions);
            }

            @Override
            public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                offsetCommitter.commitNow(consumer);
            }

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
