package org.invoicepipeline.upload.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.invoicepipeline.common.config.PropertyRules;
import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.kafka.StageRetryProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Everything the upload stage can be configured with, under {@code pipeline.upload.*}. Validates itself at binding
 * (a properties class that is a {@link Validator}): a value the stage cannot work with fails the start, naming the
 * property.
 */
@ConfigurationProperties(UploadWorkerProperties.PREFIX)
public class UploadWorkerProperties implements Validator {

    static final String PREFIX = "pipeline.upload";

    private final Topics topics = new Topics();
    private final Validation validation = new Validation();
    private final Planner planner = new Planner();
    private final Uploader uploader = new Uploader();
    private final Retry retry = new Retry();

    /**
     * Longest wait for the broker to acknowledge what the stage publishes (events, dead letters, DEAD_LETTERED
     * results) before the input record counts as failed and is retried.
     */
    private Duration publishTimeout = Duration.ofSeconds(30);

    @Override
    public void validate(Object target, Errors errors) {
        UploadWorkerProperties p = (UploadWorkerProperties) target;
        PropertyRules rules = new PropertyRules(PREFIX, errors)
                .atLeast("topics.partitions", p.topics.getPartitions(), 1)
                .atLeast("validation.maxPdfPages", p.validation.getMaxPdfPages(), 1)
                .require(p.planner.getMaxFilesPerSession() >= 1 && p.planner.getMaxFilesPerSession() <= 6_000,
                        "planner.maxFilesPerSession", p.planner.getMaxFilesPerSession(),
                        "must be between 1 and 6000 (the API's files per session)")
                .require(p.planner.getMaxSessionSize() != null && p.planner.getMaxSessionSize().toBytes() > 0
                        && p.planner.getMaxSessionSize().compareTo(DataSize.ofGigabytes(2)) <= 0,
                        "planner.maxSessionSize", p.planner.getMaxSessionSize(),
                        "must be above 0 and at most 2GB (the API's session size)")
                .notNegative("planner.linger", p.planner.getLinger())
                .positive("planner.pollTimeout", p.planner.getPollTimeout())
                .positive("uploader.maxSessionTime", p.uploader.getMaxSessionTime())
                .atLeast("uploader.fileConcurrency", p.uploader.getFileConcurrency(), 1)
                .positive("publishTimeout", p.publishTimeout)
                .positive("retry.insufficientCreditsWait", p.retry.getInsufficientCreditsWait());
        p.retry.validate(rules);
    }

    @Override
    public boolean supports(Class<?> type) {
        return UploadWorkerProperties.class.isAssignableFrom(type);
    }

    public Topics getTopics() {
        return topics;
    }

    public Validation getValidation() {
        return validation;
    }

    public Planner getPlanner() {
        return planner;
    }

    public Uploader getUploader() {
        return uploader;
    }

    public Retry getRetry() {
        return retry;
    }

    public Duration getPublishTimeout() {
        return publishTimeout;
    }

    public void setPublishTimeout(Duration publishTimeout) {
        this.publishTimeout = publishTimeout;
    }

    /** Topic names. Dead letters go to {@code <topic>.DLT} of each input topic. */
    public static class Topics {

        /** Partitions of the topics this stage creates when missing (its outputs and dead-letter topics). */
        private int partitions = 3;

        /** FileRegistered events from upstream producers (the planner's input). */
        private String filesRegistered = EventTopics.DEFAULT_FILES_REGISTERED;

        /** The stage's internal topic of planned upload sessions (planner output, uploader input). */
        private String sessionsPlanned = "upload-sessions-planned";

        /** PartsUploaded events, one per upload session (the stage's output). */
        private String partsUploaded = EventTopics.DEFAULT_PARTS_UPLOADED;

        /** ExtractionResult events; FAILED/DEAD_LETTERED results of files this stage gave up on go here. */
        private String extractionResults = EventTopics.DEFAULT_EXTRACTION_RESULTS;

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }

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

    /** What a FileRegistered must satisfy before anything is sent to the API. */
    public static class Validation {

        /**
         * Directories {@code file:} sources must resolve into (after following links). Empty = no local file
         * is allowed, so set at least one.
         */
        private List<Path> allowedRoots = new ArrayList<>();

        /** Largest PDF accepted (the API's limit is 150 MB). */
        private DataSize maxPdfSize = DataSize.ofMegabytes(150);

        /** Largest JPEG/PNG accepted (the API's limit is 5 MB). */
        private DataSize maxImageSize = DataSize.ofMegabytes(5);

        /** Whether files naming a profile that is not configured ({@code pipeline.profiles.*}) are rejected here. */
        private boolean requireKnownProfile = true;

        /**
         * Whether files whose bytes are not a whole document of their declared type (truncated PDF, missing image
         * markers, a PNG named .pdf) are rejected here as {@code CORRUPT_FILE} (only the first and last KiB are read),
         * and whether PDFs are opened for a password needed to open them ({@code ENCRYPTED_FILE}) and their page
         * count ({@code FILE_PAGE_LIMIT_EXCEEDED}).
         */
        private boolean checkContent = true;

        /** Most pages of a PDF (the API's limit is 5,000); a PDF with more is FILE_PAGE_LIMIT_EXCEEDED. */
        private int maxPdfPages = 5_000;

        public List<Path> getAllowedRoots() {
            return allowedRoots;
        }

        public void setAllowedRoots(List<Path> allowedRoots) {
            this.allowedRoots = allowedRoots;
        }

        public DataSize getMaxPdfSize() {
            return maxPdfSize;
        }

        public void setMaxPdfSize(DataSize maxPdfSize) {
            this.maxPdfSize = maxPdfSize;
        }

        public DataSize getMaxImageSize() {
            return maxImageSize;
        }

        public void setMaxImageSize(DataSize maxImageSize) {
            this.maxImageSize = maxImageSize;
        }

        public boolean isRequireKnownProfile() {
            return requireKnownProfile;
        }

        public void setRequireKnownProfile(boolean requireKnownProfile) {
            this.requireKnownProfile = requireKnownProfile;
        }

        public int getMaxPdfPages() {
            return maxPdfPages;
        }

        public void setMaxPdfPages(int maxPdfPages) {
            this.maxPdfPages = maxPdfPages;
        }

        public boolean isCheckContent() {
            return checkContent;
        }

        public void setCheckContent(boolean checkContent) {
            this.checkContent = checkContent;
        }
    }

    /** How valid files are grouped into upload sessions and how the plan is persisted. */
    public static class Planner {

        /** Kafka consumer group of the planner. */
        private String groupId = "upload-planner";

        /** Most files in one session (the API allows 6,000). */
        private int maxFilesPerSession = 500;

        /** Most bytes in one session (the API allows 2 GB); also bounds one session's upload time. */
        private DataSize maxSessionSize = DataSize.ofMegabytes(512);

        /**
         * Most bytes of one plan record (its JSON, which carries each file's attributes and original registration):
         * a batch is split into several sessions before its plan would grow larger, and a file whose own entry
         * does not fit is dead-lettered as ATTRIBUTES_TOO_LARGE. Must stay at least 1 KB below the producer's
         * {@code max.request.size} (1 MB by default), which is checked at start.
         */
        private DataSize maxPlanSize = DataSize.ofKilobytes(900);

        /** How long a session waits for more files of its batch before it is planned anyway. */
        private Duration linger = Duration.ofSeconds(5);

        /** Longest wait of one poll of the planner's consumer. */
        private Duration pollTimeout = Duration.ofMillis(200);

        /** Prefix of the planner's transactional id; a random suffix is added per start. */
        private String transactionalIdPrefix = "upload-planner";

        /** Whether the planner runs (off in a deployment that only uploads). */
        private boolean enabled = true;

        public String getGroupId() {
            return groupId;
        }

        public void setGroupId(String groupId) {
            this.groupId = groupId;
        }

        public int getMaxFilesPerSession() {
            return maxFilesPerSession;
        }

        public void setMaxFilesPerSession(int maxFilesPerSession) {
            this.maxFilesPerSession = maxFilesPerSession;
        }

        public DataSize getMaxSessionSize() {
            return maxSessionSize;
        }

        public void setMaxSessionSize(DataSize maxSessionSize) {
            this.maxSessionSize = maxSessionSize;
        }

        public DataSize getMaxPlanSize() {
            return maxPlanSize;
        }

        public void setMaxPlanSize(DataSize maxPlanSize) {
            this.maxPlanSize = maxPlanSize;
        }

        public Duration getLinger() {
            return linger;
        }

        public void setLinger(Duration linger) {
            this.linger = linger;
        }

        public Duration getPollTimeout() {
            return pollTimeout;
        }

        public void setPollTimeout(Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
        }

        public String getTransactionalIdPrefix() {
            return transactionalIdPrefix;
        }

        public void setTransactionalIdPrefix(String transactionalIdPrefix) {
            this.transactionalIdPrefix = transactionalIdPrefix;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** How planned sessions are uploaded. */
    public static class Uploader {

        /** Kafka consumer group of the uploader (reads the planned sessions). */
        private String groupId = "upload-uploader";

        /**
         * Longest time one planned session may take to upload (the uploader consumer's
         * {@code max.poll.interval.ms}; it reads one session per poll). Size it with planner.max-session-size.
         */
        private Duration maxSessionTime = Duration.ofMinutes(15);

        /** Files of one session uploaded at the same time. */
        private int fileConcurrency = 4;

        /** Publish a FAILED ExtractionResult for every file the stage could not upload or rejected. */
        private boolean publishFailedResults = true;

        public String getGroupId() {
            return groupId;
        }

        public void setGroupId(String groupId) {
            this.groupId = groupId;
        }

        public Duration getMaxSessionTime() {
            return maxSessionTime;
        }

        public void setMaxSessionTime(Duration maxSessionTime) {
            this.maxSessionTime = maxSessionTime;
        }

        public int getFileConcurrency() {
            return fileConcurrency;
        }

        public void setFileConcurrency(int fileConcurrency) {
            this.fileConcurrency = fileConcurrency;
        }

        public boolean isPublishFailedResults() {
            return publishFailedResults;
        }

        public void setPublishFailedResults(boolean publishFailedResults) {
            this.publishFailedResults = publishFailedResults;
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
