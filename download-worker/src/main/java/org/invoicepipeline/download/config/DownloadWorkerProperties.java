package org.invoicepipeline.download.config;

import org.invoicepipeline.client.model.OutputFormat;
import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.kafka.StageRetryProperties;
import org.invoicepipeline.common.config.ConsumerStageProperties;
import org.invoicepipeline.common.config.PropertyRules;
import org.invoicepipeline.common.storage.S3Connection;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Configuration of the download worker, under {@code pipeline.download}: the shared stage settings
 * ({@link ConsumerStageProperties}) plus the output store and the results download. The retry settings are the
 * back-off of an extraction whose download failed: failures of the API, storage, signed URLs or the broker are
 * retried without limit (capped at {@code retry.max-interval}); {@code retry.max-attempts} bounds only unrecognised
 * failures.
 */
@ConfigurationProperties(DownloadWorkerProperties.PREFIX)
public class DownloadWorkerProperties extends ConsumerStageProperties {

    /** Prefix of these properties. */
    public static final String PREFIX = "pipeline.download";

    /* Keys set from outside the stage (local-pipeline, its tests), defined once next to their property. */
    public static final String OUTPUT_DIRECTORY = PREFIX + ".output-directory";
    public static final String FORMATS = PREFIX + ".formats";
    public static final String OUTPUT_S3_LOCATION = PREFIX + ".output-s3-location";

    private final Topics topics = new Topics();

    /** Root directory of the local output store; output files land under {@code extractions/<extraction_id>/}. */
    private Path outputDirectory = Path.of("pipeline-output");

    /**
     * Object storage for the output files instead of {@code output-directory}: {@code s3://bucket/} or
     * {@code s3://bucket/prefix/}; objects land under {@code <prefix>extractions/<extraction_id>/} and results carry
     * their {@code s3://} URIs. Unset = the local directory.
     */
    private String outputS3Location;

    /** The S3-compatible store of {@code output-s3-location}. */
    @NestedConfigurationProperty
    private final S3Connection s3 = new S3Connection();

    /**
     * Output files to copy into the store, from json, csv, xlsx; only these are downloaded. Each is fetched from the
     * signed URL the completed status carried while it is valid; only an expired, absent or refused URL costs a call
     * to the output endpoint (30/min).
     */
    private List<OutputFormat> formats = List.of(OutputFormat.JSON, OutputFormat.CSV, OutputFormat.XLSX);

    /** Rows per call to the results endpoint (1 to 1,000; the endpoint allows 60 calls/min). */
    private int resultsPageSize = 1000;

    /**
     * Retention: delete the extraction (its rows, output files and uploaded sources) from the API once its output
     * files are stored and its results published. Off by default: the API then keeps them for 90 days.
     */
    private boolean deleteAfterStore = false;

    /**
     * A carried output URL is used only while at least this much of its validity is left (it covers the clock
     * difference between the poll and the download hosts); otherwise a fresh URL is requested at once.
     */
    private Duration outputUrlMinValidity = Duration.ofSeconds(30);

    public DownloadWorkerProperties() {
        super(PREFIX, "download-worker", new StageRetryProperties());
    }

    @Override
    protected void validate(PropertyRules rules) {
        super.validate(rules);
        s3.validate(rules, "s3");
        rules.require(outputS3Location == null || outputS3Location.matches("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?"),
                "outputS3Location", outputS3Location, "must be s3://bucket/ or s3://bucket/prefix/");
        rules.require(resultsPageSize >= 1 && resultsPageSize <= 1000, "resultsPageSize", resultsPageSize,
                "must be between 1 and 1000 (the results endpoint's page sizes)");
        rules.require(outputUrlMinValidity != null && !outputUrlMinValidity.isNegative()
                        && outputUrlMinValidity.compareTo(Duration.ofMinutes(5)) < 0, "outputUrlMinValidity",
                outputUrlMinValidity, "must be between 0 and 5 minutes (signed output URLs are valid for 5 minutes)");
    }

    public Duration getOutputUrlMinValidity() {
        return outputUrlMinValidity;
    }

    public void setOutputUrlMinValidity(Duration outputUrlMinValidity) {
        this.outputUrlMinValidity = outputUrlMinValidity;
    }

    public Topics getTopics() {
        return topics;
    }

    public Path getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public String getOutputS3Location() {
        return outputS3Location;
    }

    public void setOutputS3Location(String outputS3Location) {
        this.outputS3Location = outputS3Location;
    }

    public S3Connection getS3() {
        return s3;
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
