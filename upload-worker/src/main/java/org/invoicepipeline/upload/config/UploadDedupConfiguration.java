package org.invoicepipeline.upload.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.upload.dedup.ContentDuplicates;
import org.invoicepipeline.upload.dedup.DedupMetrics;
import org.invoicepipeline.upload.dedup.DuplicateResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Content de-duplication ({@code pipeline.upload.dedup.enabled=true}): the planner's diversion of duplicates, the
 * resolver answering them from their first file's result, and the two compacted state topics.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "pipeline.upload.dedup", name = "enabled", havingValue = "true")
public class UploadDedupConfiguration {

    /** How often the planner re-reads the content index (a first's result, other planners' firsts). */
    private static final Duration INDEX_REFRESH = Duration.ofMillis(500);

    @Bean
    DedupMetrics dedupMetrics(ObjectProvider<MeterRegistry> registry) {
        return new DedupMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** The planner's diversion (SessionPlanner takes it when present). */
    @Bean
    ContentDuplicates contentDuplicates(UploadWorkerProperties properties, KafkaProperties kafka, DedupMetrics metrics) {
        UploadDedupProperties dedup = properties.getDedup();
        return new ContentDuplicates(dedup::appliesTo, dedup.getIndexTopic(), dedup.getDuplicatesTopic(),
                kafka.buildConsumerProperties(), properties.getPlanner().getPollTimeout(), INDEX_REFRESH, metrics,
                Clock.systemUTC());
    }

    @Bean
    DuplicateResolver duplicateResolver(UploadWorkerProperties properties, KafkaProperties kafka, DedupMetrics metrics) {
        UploadDedupProperties dedup = properties.getDedup();
        Map<String, Object> consumerConfigs = kafka.buildConsumerProperties();
        Map<String, Object> producerConfigs = kafka.buildProducerProperties();
        EventSerializer<ExtractionResult> serializer = new EventSerializer<>();
        serializer.configure(producerConfigs, false);
        EventDeserializer<ExtractionResult> deserializer = new EventDeserializer<>(ExtractionResult.class);
        deserializer.configure(consumerConfigs, false);
        return new DuplicateResolver(new DuplicateResolver.Settings(properties.getTopics().getExtractionResults(),
                dedup.getIndexTopic(), dedup.getDuplicatesTopic(), dedup.getGroupId(), dedup.getPollTimeout()),
                consumerConfigs, producerConfigs, serializer, deserializer, metrics, Clock.systemUTC());
    }

    /** Both topics are state: compacted, never deleted (a deleted index entry only means bytes are uploaded again). */
    @Bean
    KafkaAdmin.NewTopics dedupTopics(UploadWorkerProperties properties) {
        UploadDedupProperties dedup = properties.getDedup();
        int partitions = properties.getTopics().getPartitions();
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(dedup.getIndexTopic()).partitions(partitions).compact().build(),
                TopicBuilder.name(dedup.getDuplicatesTopic()).partitions(partitions).compact().build());
    }
}
