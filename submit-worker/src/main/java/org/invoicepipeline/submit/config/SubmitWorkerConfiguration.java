package org.invoicepipeline.submit.config;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.common.config.ApiClientConfiguration;
import org.invoicepipeline.common.kafka.DeadLetterRecords;
import org.invoicepipeline.common.kafka.ErrorHandlingDeserializers;
import org.invoicepipeline.common.kafka.StageErrorHandling;
import org.invoicepipeline.common.kafka.StageErrorHandlingConfiguration;
import org.invoicepipeline.common.kafka.StageNames;
import org.invoicepipeline.common.profile.ExtractionProfiles;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.submit.ExtractionSubmitter;
import org.invoicepipeline.submit.SubmissionListener;
import org.invoicepipeline.submit.admission.AdmissionGate;
import org.invoicepipeline.submit.admission.InFlightExtractions;
import org.invoicepipeline.submit.deadletter.SubmitDeadLetterResults;
import org.springframework.beans.factory.ObjectProvider;
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

/** Wires the submit stage: listener, admission gate, shared error handling. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SubmitWorkerProperties.class, ExtractionProfiles.class})
@Import({ApiClientConfiguration.class, StageErrorHandlingConfiguration.class})
public class SubmitWorkerConfiguration {

    @Bean
    AdmissionGate admissionGate(InvoiceExtractionClient client, SubmitWorkerProperties properties,
                                ObjectProvider<MeterRegistry> registry) {
        SubmitWorkerProperties.Admission admission = properties.getAdmission();
        return new AdmissionGate(client, new AdmissionGate.Settings(admission.isEnabled(), admission.getCreditsPerFile(),
                admission.getCreditsCacheTtl(), admission.getInsufficientCreditsWait(), admission.getConcurrencyLimit(),
                admission.getInFlightCacheTtl(), admission.getConcurrencyLimitWait()),
                new InFlightExtractions(client, admission.getInFlightStatuses(), Clock.systemUTC()), Clock.systemUTC(),
                registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ExtractionSubmitter extractionSubmitter(InvoiceExtractionClient client, AdmissionGate admissionGate,
                                            SubmitWorkerProperties properties) {
        SubmitWorkerProperties.Admission admission = properties.getAdmission();
        return new ExtractionSubmitter(client, admissionGate, admission.getSubmissionsPausedWait(),
                admission.getMaxSubmissionsPausedWait(), Clock.systemUTC());
    }

    @Bean
    SubmissionListener submissionListener(SubmitWorkerProperties properties, ExtractionProfiles profiles,
                                          AdmissionGate admissionGate, ExtractionSubmitter submitter,
                                          KafkaTemplate<Object, Object> stageEventTemplate,
                                          ObjectProvider<MeterRegistry> registry) {
        return new SubmissionListener(properties.getTopics().getPartsUploaded(), properties.getGroupId(),
                properties.getTopics().getExtractionSubmitted(), properties.getPublishTimeout(), profiles, admissionGate, submitter,
                stageEventTemplate, Clock.systemUTC(), registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /**
     * Shared error handling (StageErrorHandlingConfiguration); its template also writes ExtractionSubmitted. A
     * dead-lettered session's completed files get DEAD_LETTERED results first.
     */
    @Bean
    StageErrorHandling submitErrorHandling(SubmitWorkerProperties properties) {
        return new StageErrorHandling(StageNames.SUBMIT, properties.getRetry().toOptions())
                .withPublishTimeout(properties.getPublishTimeout())
                .withDeadLetterResults(properties.getTopics().getExtractionResults(),
                        new SubmitDeadLetterResults(Clock.systemUTC()));
    }

    /** PartsUploaded through the event deserializer behind an ErrorHandlingDeserializer; one commit per record. */
    @Bean(SubmissionListener.CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> submitContainerFactory(
            KafkaProperties kafka, ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            SubmitWorkerProperties properties, DefaultErrorHandler stageErrorHandler) {
        Map<String, Object> configs = kafka.buildConsumerProperties();
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        @SuppressWarnings({"unchecked", "rawtypes"})
        DefaultKafkaConsumerFactory<Object, Object> consumerFactory = new DefaultKafkaConsumerFactory<>(configs,
                (Deserializer) ErrorHandlingDeserializers.wrap(new StringDeserializer()),
                (Deserializer) ErrorHandlingDeserializers.wrap(new EventDeserializer<>(PartsUploaded.class)));
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setCommonErrorHandler(stageErrorHandler);
        factory.setConcurrency(properties.getConcurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }

    @Bean
    KafkaAdmin.NewTopics submitTopics(SubmitWorkerProperties properties) {
        SubmitWorkerProperties.Topics topics = properties.getTopics();
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(topics.getPartsUploaded()).partitions(topics.getPartitions()).build(),
                TopicBuilder.name(DeadLetterRecords.topicFor(topics.getPartsUploaded())).partitions(topics.getPartitions()).build(),
                TopicBuilder.name(topics.getExtractionSubmitted()).partitions(topics.getPartitions()).build());
    }
}
