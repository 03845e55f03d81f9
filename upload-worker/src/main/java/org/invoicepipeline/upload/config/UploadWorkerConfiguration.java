package org.invoicepipeline.upload.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.common.config.ApiClientConfiguration;
import org.invoicepipeline.common.kafka.DeadLetterRecords;
import org.invoicepipeline.common.kafka.StageErrorHandling;
import org.invoicepipeline.common.kafka.StageErrorHandlingConfiguration;
import org.invoicepipeline.common.kafka.StageNames;
import org.invoicepipeline.common.profile.ExtractionProfiles;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.UploadMetrics;
import org.invoicepipeline.upload.plan.RegistrationDiversion;
import org.invoicepipeline.upload.plan.SessionPlanner;
import org.invoicepipeline.upload.session.PlannedSessionDeadLetterResults;
import org.invoicepipeline.upload.session.PlannedSessionListener;
import org.invoicepipeline.upload.session.SessionPublisher;
import org.invoicepipeline.upload.session.SessionUploader;
import org.invoicepipeline.upload.source.LocalFileSourceStore;
import org.invoicepipeline.upload.source.S3Locations;
import org.invoicepipeline.upload.source.S3SourceStore;
import org.invoicepipeline.upload.source.SourceStore;
import org.invoicepipeline.upload.source.SourceStores;
import org.invoicepipeline.upload.validation.FileValidator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** Wires the upload stage: planner (step 1), uploader listener (step 2), shared error handling. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({UploadWorkerProperties.class, ExtractionProfiles.class})
@Import({ApiClientConfiguration.class, StageErrorHandlingConfiguration.class, UploadDedupConfiguration.class})
public class UploadWorkerConfiguration {

    @Bean
    UploadMetrics uploadMetrics(ObjectProvider<MeterRegistry> registry) {
        return new UploadMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /**
     * The stores sources are read from: local files inside the allowed roots, and S3 objects inside the allowed S3
     * locations when any is set (its client, with the SDK's default credentials chain, closes with the context).
     */
    @Bean
    SourceStores uploadSourceStores(UploadWorkerProperties properties) {
        UploadValidationProperties validation = properties.getValidation();
        List<SourceStore> stores = new ArrayList<>();
        stores.add(new LocalFileSourceStore(validation.getAllowedRoots()));
        if (!validation.getAllowedS3Locations().isEmpty()) {
            stores.add(new S3SourceStore(properties.getS3().newClient(),
                    new S3Locations(validation.getAllowedS3Locations())));
        }
        return new SourceStores(stores);
    }

    @Bean
    FileValidator uploadFileValidator(UploadWorkerProperties properties, ExtractionProfiles known,
                                      SourceStores sources) {
        UploadValidationProperties validation = properties.getValidation();
        return new FileValidator(sources, validation.getMaxPdfSize().toBytes(),
                validation.getMaxImageSize().toBytes(),
                name -> !validation.isRequireKnownProfile() || known.find(name).isPresent(),
                validation.isCheckContent(), validation.getMaxPdfPages());
    }

    @Bean
    @ConditionalOnProperty(prefix = "pipeline.upload.planner", name = "enabled", matchIfMissing = true)
    SessionPlanner sessionPlanner(UploadWorkerProperties properties, KafkaProperties kafka, FileValidator validator,
                                  UploadMetrics metrics, ObjectProvider<RegistrationDiversion> diversion) {
        UploadPlannerProperties planner = properties.getPlanner();
        UploadWorkerProperties.Topics topics = properties.getTopics();
        SessionPlanner.Settings settings = new SessionPlanner.Settings(topics.getFilesRegistered(),
                topics.getSessionsPlanned(), topics.getExtractionResults(),
                properties.getUploader().isPublishFailedResults(), planner.getGroupId(),
                planner.getTransactionalIdPrefix(), planner.getMaxFilesPerSession(),
                planner.getMaxSessionSize().toBytes(), planner.getMaxPlanSize().toBytes(), planner.getLinger(),
                planner.getPollTimeout());
        EventDeserializer<FileRegistered> deserializer = new EventDeserializer<>(FileRegistered.class);
        Map<String, Object> consumerConfigs = kafka.buildConsumerProperties();
        deserializer.configure(consumerConfigs, false);
        EventSerializer<ExtractionResult> resultSerializer = new EventSerializer<>();
        Map<String, Object> producerConfigs = kafka.buildProducerProperties();
        resultSerializer.configure(producerConfigs, false);
        return new SessionPlanner(settings, consumerConfigs, producerConfigs, validator, deserializer,
                resultSerializer, metrics, Clock.systemUTC(), diversion.getIfAvailable(() -> RegistrationDiversion.NONE));
    }

    @Bean
    @ConditionalOnProperty(prefix = "pipeline.upload.planner", name = "enabled", matchIfMissing = true)
    PlanLogTopicCheck planLogTopicCheck(KafkaAdmin kafkaAdmin, UploadWorkerProperties properties) {
        return new PlanLogTopicCheck(kafkaAdmin, properties.getTopics().getSessionsPlanned());
    }

    @Bean
    SessionUploader sessionUploader(InvoiceExtractionClient client, UploadWorkerProperties properties,
                                    SourceStores sources) {
        return new SessionUploader(client, sources, properties.getUploader().getFileConcurrency(),
                properties.getRetry().getInsufficientCreditsWait());
    }

    @Bean
    SessionPublisher sessionPublisher(KafkaTemplate<Object, Object> stageEventTemplate, UploadWorkerProperties properties) {
        UploadWorkerProperties.Topics topics = properties.getTopics();
        return new SessionPublisher(stageEventTemplate, topics.getPartsUploaded(), topics.getFilesRegistered(),
                topics.getExtractionResults(), properties.getUploader().isPublishFailedResults(),
                properties.getPublishTimeout(), Clock.systemUTC());
    }

    @Bean
    PlannedSessionListener plannedSessionListener(UploadWorkerProperties properties, SessionUploader uploader,
                                                  SessionPublisher publisher, UploadMetrics metrics) {
        return new PlannedSessionListener(properties.getTopics().getSessionsPlanned(),
                properties.getUploader().getGroupId(), uploader, publisher, metrics);
    }

    /**
     * Shared error handling (StageErrorHandlingConfiguration); its template also writes the stage's events. A planned
     * session it dead-letters publishes a DEAD_LETTERED result for each of its files first.
     */
    @Bean
    StageErrorHandling uploadErrorHandling(UploadWorkerProperties properties) {
        StageErrorHandling handling = new StageErrorHandling(StageNames.UPLOAD, properties.getRetry().toOptions())
                .withPublishTimeout(properties.getPublishTimeout());
        return properties.getUploader().isPublishFailedResults()
                ? handling.withDeadLetterResults(properties.getTopics().getExtractionResults(),
                        new PlannedSessionDeadLetterResults(Clock.systemUTC()))
                : handling;
    }

    /**
     * Reads planned sessions one per poll, committed ones only, and commits after each session: an upload
     * runs on the consumer thread, so {@code max.poll.interval.ms} is the longest a session may take.
     */
    @Bean(PlannedSessionListener.PLANNED_SESSION_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> plannedSessionContainerFactory(
            KafkaProperties kafka, ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            UploadWorkerProperties properties, DefaultErrorHandler stageErrorHandler) {
        Map<String, Object> configs = kafka.buildConsumerProperties();
        configs.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        configs.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        configs.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        configs.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) properties.getUploader().getMaxSessionTime().toMillis());
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, new DefaultKafkaConsumerFactory<>(configs));
        factory.setCommonErrorHandler(stageErrorHandler);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }

    @Bean
    KafkaAdmin.NewTopics uploadTopics(UploadWorkerProperties properties) {
        UploadWorkerProperties.Topics topics = properties.getTopics();
        int partitions = topics.getPartitions();
        return new KafkaAdmin.NewTopics(
                topic(topics.getFilesRegistered(), partitions),
                topic(DeadLetterRecords.topicFor(topics.getFilesRegistered()), partitions),
                planLogTopic(topics.getSessionsPlanned(), partitions),
                topic(DeadLetterRecords.topicFor(topics.getSessionsPlanned()), partitions),
                topic(topics.getPartsUploaded(), partitions),
                topic(topics.getExtractionResults(), partitions));
    }

    private static NewTopic topic(String name, int partitions) {
        return TopicBuilder.name(name).partitions(partitions).build();
    }

    /**
     * The plan log is also the planner's memory of planned files (duplicates are skipped against it), so it must
     * keep every plan: compacted by session id (the latest plan of a session is all that matters), never deleted.
     */
    private static NewTopic planLogTopic(String name, int partitions) {
        return TopicBuilder.name(name).partitions(partitions).compact().build();
    }
}
