package org.invoicepipeline.download.config;

import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.kafka.StageRetryProperties;
import org.invoicepipeline.common.config.PropertyRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Configuration of the download worker, under {@code pipeline.download}. Validates itself at binding (a
 * properties class that is a {@link Validator}): a value the stage cannot work with fails the start, naming the
 * property.
 */
@ConfigurationProperties(DownloadWorkerProperties.PREFIX)
public class DownloadWorkerProperties implements Validator {

    static final String PREFIX = "pipeline.download";

    private final Topics topics = new Topics();

    /**
     * Back-off of an extraction whose download failed. Failures of the API, storage, signed URLs or the broker are
     * retried without limit (capped at {@code max-interval}); {@code max-attempts} bounds only unrecognised failures.
     */
    private final StageRetryProperties retry = new StageRetryProperties();

    /** Kafka consumer group of the worker. */
    private String groupId = "download-worker";

    /** Consumer threads (at most the partition count of the input topic is useful). */
    private int concurrency = 1;

    /** Root directory of the local output store; output files land under {@code extractions/<extraction_id>/}. */
    private Path outputDirectory = Path.of("pipeline-output");

    /** Output files to copy into the store, from json, csv, xlsx. Each costs one call to the output endpoint (30/min). */
    private List<OutputFormat> formats = List.of(OutputFormat.JSON, OutputFormat.CSV, OutputFormat.XLSX);

    /** Rows per call to the results endpoint (1 to 1,000; the endpoint allows 60 calls/min). */
    private int resultsPageSize = 1000;

    /**
     * Retention: delete the extraction (its rows, output files and uploaded sources) from the API once its output
     * files are stored and its results published. Off by default: the API then keeps them for 90 days.
     */
    private boolean deleteAfterStore = false;

    /** Longest wait for the broker to acknowledge the published results of one extraction. */
    private Duration publishTimeout = Duration.ofSeconds(30);

    @Override
    public void validate(Object target, Errors errors) {
        DownloadWorkerProperties p = (DownloadWorkerProperties) target;
        PropertyRules rules = new PropertyRules(PREFIX, errors)
                .atLeast("concurrency", p.concurrency, 1)
                .require(p.resultsPageSize >= 1 && p.resultsPageSize <= 1000, "resultsPageSize", p.resultsPageSize,
                        "must be between 1 and 1000 (the results endpoint's page sizes)")
                .positive("publishTimeout", p.publishTimeout);
        p.retry.validate(rules);
    }

    @Override
    public boolean supports(Class<?> type) {
        return DownloadWorkerProperties.class.isAssignableFrom(type);
    }

    public Topics getTopics() {
        return topics;
    }

    public StageRetryProperties getRetry() {
        return retry;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public Path getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public List<OutputFormat> getFormats() {
        return formats;
    }

    public void setFormats(List<OutputFormat> formats) {
        this.formats = formats;
    }

    public int getResultsPageSize() {
        return resultsPageSize;
    }

    public void setResultsPageSize(int resultsPageSize) {
        this.resultsPageSize = resultsPageSize;
    }

    public boolean isDeleteAfterStore() {
        return deleteAfterStore;
    }

    public void setDeleteAfterStore(boolean deleteAfterStore) {
        this.deleteAfterStore = deleteAfterStore;
    }

    public Duration getPublishTimeout() {
        return publishTimeout;
    }

    public void setPublishTimeout(Duration publishTimeout) {
        this.publishTimeout = publishTimeout;
    }

    /** Topic names. Dead letters go to {@code <extraction-completed>.DLT}. */
    public static class Topics {

        /** ExtractionCompleted events from the poll stage (input). */
        private String extractionCompleted = EventTopics.DEFAULT_EXTRACTION_COMPLETED;

        /** ExtractionResult events, one per source file, for ERP consumers (output). */
        private String extractionResults = EventTopics.DEFAULT_EXTRACTION_RESULTS;

        public String getExtractionCompleted() {
            return extractionCompleted;
        }

        public void setExtractionCompleted(String extractionCompleted) {
            this.extractionCompleted = extractionCompleted;
        }

        public String getExtractionResults() {
            return extractionResults;
        }

        public void setExtractionResults(String extractionResults) {
            this.extractionResults = extractionResults;
        }
    }
}
