package org.invoicepipeline.download.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.common.config.ApiClientConfiguration;
import org.invoicepipeline.download.fetch.ExtractionRowsReader;
import org.invoicepipeline.download.fetch.OutputArchiver;
import org.invoicepipeline.download.fetch.OutputUrlMetrics;
import org.invoicepipeline.download.listener.DownloadMetrics;
import org.invoicepipeline.download.listener.ExtractionCompletedListener;
import org.invoicepipeline.download.mapping.FileResultAssembler;
import org.invoicepipeline.download.mapping.RowCells;
import org.invoicepipeline.download.publish.ResultPublisher;
import org.invoicepipeline.download.retention.ExtractionRetention;
import org.invoicepipeline.download.store.LocalDirectoryOutputStore;
import org.invoicepipeline.download.store.OutputStore;
import org.invoicepipeline.download.store.S3OutputStore;

import org.invoicepipeline.events.ExtractionResult;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;

/** The download stage's components: consume, read rows and files through the shared client, store, publish. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownloadWorkerProperties.class)
@Import({ApiClientConfiguration.class, DownloadKafkaConfiguration.class})
public class DownloadWorkerConfiguration {

    /**
     * The S3 store when {@code output-s3-location} is set (its client, with the SDK's default credentials chain,
     * closes with the context), else the local directory; an application may provide another {@link OutputStore}.
     */
    @Bean
    @ConditionalOnMissingBean(OutputStore.class)
    public OutputStore outputStore(DownloadWorkerProperties properties) {
        return properties.getOutputS3Location() != null
                ? new S3OutputStore(properties.getS3().newClient(), properties.getOutputS3Location())
                : new LocalDirectoryOutputStore(properties.getOutputDirectory());
    }

    @Bean
    public DownloadMetrics downloadMetrics(MeterRegistry meters) {
        return new DownloadMetrics(meters);
    }

    @Bean
    public ExtractionCompletedListener extractionCompletedListener(InvoiceExtractionClient client, OutputStore store,
                                                                   KafkaTemplate<String, ExtractionResult> resultTemplate,
                                                                   DownloadWorkerProperties properties,
                                                                   DownloadMetrics metrics, MeterRegistry meters) {
        return new ExtractionCompletedListener(properties.getTopics().getExtractionCompleted(),
                properties.getGroupId(),
                new ExtractionRowsReader(client, properties.getResultsPageSize()),
                new OutputArchiver(client, store, properties.getFormats(), properties.getOutputUrlMinValidity(),
                        Clock.systemUTC(), new OutputUrlMetrics(meters)),
                new FileResultAssembler(new RowCells(new ObjectMapper()), Clock.systemUTC()),
                new ResultPublisher(resultTemplate, properties.getTopics().getExtractionResults(),
                        properties.getPublishTimeout()),
                new ExtractionRetention(client, store, properties.isDeleteAfterStore()),
                metrics);
    }
}
