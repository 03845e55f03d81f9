package org.invoicepipeline.upload.config;

import java.time.Duration;

import org.invoicepipeline.common.config.CreatedTopics;
import org.invoicepipeline.common.config.PropertyRules;
import org.invoicepipeline.common.config.StageProperties;
import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.kafka.StageRetryProperties;
import org.invoicepipeline.common.storage.S3Connection;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Everything the upload stage can be configured with, under {@code pipeline.upload.*}: the shared stage settings
 * ({@link StageProperties}; its retries are those of a planned session that failed with a retryable error) plus
 * the validation of registered files, the planner and the uploader (each in its own class, bound under
 * {@code validation.*}, {@code planner.*} and {@code uploader.*}).
 */
@ConfigurationProperties(UploadWorkerProperties.PREFIX)
public class UploadWorkerProperties extends StageProperties<UploadWorkerProperties.Retry> {

    /** Prefix of these properties. */
    public static final String PREFIX = "pipeline.upload";

    /* Keys set from outside the stage (local-pipeline, its tests), defined once next to their property. */
    public static final String TOPICS_PARTITIONS = PREFIX + ".topics.partitions";
    public static final String VALIDATION_MAX_PDF_SIZE = PREFIX + ".validation.max-pdf-size";
    public static final String PLANNER_LINGER = PREFIX + ".planner.linger";
    public static final String PLANNER_MAX_FILES_PER_SESSION = PREFIX + ".planner.max-files-per-session";

    private final Topics topics = new Topics();
    @NestedConfigurationProperty
    private final UploadValidationProperties validation = new UploadValidationProperties();
    @NestedConfigurationProperty
    private final UploadPlannerProperties planner = new UploadPlannerProperties();
    @NestedConfigurationProperty
    private final UploadUploaderProperties uploader = new UploadUploaderProperties();
    @NestedConfigurationProperty
    private final UploadDedupProperties dedup = new UploadDedupProperties();
    /** The S3-compatible store of {@code s3:} sources (used when validation.allowed-s3-locations is set). */
    @NestedConfigurationProperty
    private final S3Connection s3 = new S3Connection();

    /** The key of the {@code index}th entry of {@code validation.allowed-roots}. */
    public static String validationAllowedRoot(int index) {
        return PREFIX + ".validation.allowed-roots[" + index + "]";
    }

    public UploadWorkerProperties() {
        super(PREFIX, new Retry());
    }

    @Override
    protected void validate(PropertyRules rules) {
        super.validate(rules);
        topics.validate(rules);
        validation.validate(rules);
        planner.validate(rules);
        uploader.validate(rules);
        dedup.validate(rules, uploader.isPublishFailedResults());
        s3.validate(rules, "s3");
        rules.positive("retry.insufficientCreditsWait", getRetry().getInsufficientCreditsWait());
    }

    public Topics getTopics() {
        return topics;
    }

    public UploadValidationProperties getValidation() {
        return validation;
    }

    public UploadPlannerProperties getPlanner() {
        return planner;
    }

    public UploadUploaderProperties getUploader() {
        return uploader;
    }

    public UploadDedupProperties getDedup() {
        return dedup;
    }

    public S3Connection getS3() {
        return s3;
    }

    /** Topic names. Dead letters go to {@code <topic>.DLT} of each input topic. */
    public static class Topics extends CreatedTopics {

        /** FileRegistered events from upstream producers (the planner's input). */
        private String filesRegistered = EventTopics.DEFAULT_FILES_REGISTERED;

        /** Default of {@code sessions-planned}. */
        public static final String DEFAULT_SESSIONS_PLANNED = "upload-sessions-planned";

        /** The stage's internal topic of planned upload sessions (planner output, uploader input). */
        private String sessionsPlanned = DEFAULT_SESSIONS_PLANNED;

        /** PartsUploaded events, one per upload session (the stage's output). */
        private String partsUploaded = EventTopics.DEFAULT_PARTS_UPLOADED;

        /** ExtractionResult events; FAILED/DEAD_LETTERED results of files this stage gave up on go here. */
        private String extractionResults = EventTopics.DEFAULT_EXTRACTION_RESULTS;

        public String getFilesRegistered() {
            return filesRegistered;
        }

        public void setFilesRegistered(String filesRegistered) {
            this.filesRegistered = filesRegistered;
        }

        public String getSessionsPlanned() {
            return sessionsPlanned;
        }

        public void setSessionsPlanned(String sessionsPlanned) {
            this.sessionsPlanned = sessionsPlanned;
        }

        public String getPartsUploaded() {
            return partsUploaded;
        }

        public void setPartsUploaded(String partsUploaded) {
            this.partsUploaded = partsUploaded;
        }

        public String getExtractionResults() {
            return extractionResults;
        }

        public void setExtractionResults(String extractionResults) {
            this.extractionResults = extractionResults;
        }
    }




    /** Retries of a planned session that failed with a retryable error, before it is dead-lettered. */
    public static class Retry extends StageRetryProperties {

        /** Wait before re-trying a session the API refused for lack of credits (not an error: no dead letter). */
        private Duration insufficientCreditsWait = Duration.ofSeconds(30);

        public Duration getInsufficientCreditsWait() {
            return insufficientCreditsWait;
        }

        public void setInsufficientCreditsWait(Duration insufficientCreditsWait) {
            this.insufficientCreditsWait = insufficientCreditsWait;
        }
    }
}
