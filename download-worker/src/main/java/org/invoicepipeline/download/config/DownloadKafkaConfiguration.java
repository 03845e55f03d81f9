package org.invoicepipeline.download.config;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.common.kafka.ErrorHandlingDeserializers;
import org.invoicepipeline.common.kafka.RetryWithoutLimit;
import org.invoicepipeline.common.kafka.StageErrorHandling;
import org.invoicepipeline.common.kafka.StageErrorHandlingConfiguration;
import org.invoicepipeline.common.kafka.StageNames;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.download.publish.DeadLetteredExtractionResults;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.download.listener.ExtractionCompletedListener;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka wiring of the download stage: one record at a time, committed after its results are acknowledged;
 * failures handled by the shared stage error handler (back-off; transient failures held without limit; permanent
 * ones to {@code extraction-completed.DLT} with a {@code DEAD_LETTERED} result per file).
 */
@Configuration(proxyBeanMethods = false)
@Import(StageErrorHandlingConfiguration.class)
public class DownloadKafkaConfiguration {

    @Bean
    public ConsumerFactory<String, ExtractionCompleted> downloadConsumerFactory(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // One extraction per poll: reading its rows and files may take a while (rate-limited endpoints).
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
        return new DefaultKafkaConsumerFactory<>(props,
                ErrorHandlingDeserializers.wrap(new StringDeserializer()),
                ErrorHandlingDeserializers.wrap(new EventDeserializer<>(ExtractionCompleted.class)));
    }

    @Bean
    public KafkaTemplate<String, ExtractionResult> resultTemplate(KafkaProperties kafka) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(),
                new StringSerializer(), new EventSerializer<ExtractionResult>()));
    }

    /**
     * Shared error handling (StageErrorHandlingConfiguration), backing off as {@code pipeline.download.retry.*} says.
     * A record here is an extraction already done and charged: failures of the API, storage, signed URLs or the
     * broker, and a refused API key, are retried without limit (the container pauses between tries), so only a
     * failure no retry can fix
     * dead-letters it, and then every one of its files gets a {@code DEAD_LETTERED} result first.
     */
    @Bean
    public StageErrorHandling downloadErrorHandling(DownloadWorkerProperties properties) {
        return new StageErrorHandling(StageNames.DOWNLOAD, properties.getRetry().toOptions())
                .withPublishTimeout(properties.getPublishTimeout())
                .withDeadLetterResults(properties.getTopics().getExtractionResults(),
                        new DeadLetteredExtractionResults(Clock.systemUTC()))
                .withRetryWithoutLimit(RetryWithoutLimit.INFRASTRUCTURE.or(RetryWithoutLimit.KEY_REFUSED));
    }

    /** Boot's {@code spring.kafka.listener.*} first, then the stage's error handling and one commit per record. */
    @Bean(ExtractionCompletedListener.CONTAINER_FACTORY)
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ConcurrentKafkaListenerContainerFactory<Object, Object> downloadContainerFactory(
            ConsumerFactory<String, ExtractionCompleted> downloadConsumerFactory,
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, DefaultErrorHandler stageErrorHandler,
            DownloadWorkerProperties properties) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, (ConsumerFactory) downloadConsumerFactory);
        factory.setConcurrency(properties.getConcurrency());
        factory.setCommonErrorHandler(stageErrorHandler);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }
}
