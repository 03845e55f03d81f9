package org.invoicepipeline.submit.config;

import java.time.Duration;

import org.invoicepipeline.common.config.PropertyRules;
import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.kafka.StageRetryOptions;
import org.invoicepipeline.common.kafka.StageRetryProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Everything the submit stage can be configured with, under {@code pipeline.submit.*}. Validates itself at binding
 * (a properties class that is a {@link Validator}): a value the stage cannot work with fails the start, naming the
 * property.
 */
@ConfigurationProperties(SubmitWorkerProperties.PREFIX)
public class SubmitWorkerProperties implements Validator {

    static final String PREFIX = "pipeline.submit";

    private final Topics topics = new Topics();
    private final Admission admission = new Admission();

    /**
     * Retries of a session whose submission failed with a retryable error, before it is dead-lettered: the shared
     * defaults, but a first back-off of 2 s.
     */
    private final StageRetryProperties retry = new StageRetryProperties(new StageRetryOptions(Duration.ofSeconds(2),
            2.0, Duration.ofMinutes(2), 8, Duration.ofSeconds(2)));

    /** Kafka consumer group of the stage. */
    private String groupId = "submit-worker";

    /** Listener threads (at most the partition count of the input topic is useful). */
    private int concurrency = 1;

    /**
     * Longest wait for the broker to acknowledge what the stage publishes (events, dead letters, DEAD_LETTERED
     * results) before the input record counts as failed and is retried.
     */
    private Duration publishTimeout = Duration.ofSeconds(30);

    @Override
    public void validate(Object target, Errors errors) {
        SubmitWorkerProperties p = (SubmitWorkerProperties) target;
        PropertyRules rules = new PropertyRules(PREFIX, errors)
                .atLeast("concurrency", p.concurrency, 1)
                .positive("publishTimeout", p.publishTimeout);
        p.retry.validate(rules);
    }

    @Override
    public boolean supports(Class<?> type) {
        return SubmitWorkerProperties.class.isAssignableFrom(type);
    }

    public Topics getTopics() {
        return topics;
    }

    public Admission getAdmission() {
        return admission;
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

    public Duration getPublishTimeout() {
        return publishTimeout;
    }

    public void setPublishTimeout(Duration publishTimeout) {
        this.publishTimeout = publishTimeout;
    }

    /** Topic names. Dead letters go to {@code <parts-uploaded>.DLT}. */
    public static class Topics {

        /** PartsUploaded events from the upload stage (input). */
        private String partsUploaded = EventTopics.DEFAULT_PARTS_UPLOADED;

        /** ExtractionSubmitted events for the poll stage (output). */
        private String extractionSubmitted = EventTopics.DEFAULT_EXTRACTION_SUBMITTED;

        /**
         * ExtractionResult events (output): the DEAD_LETTERED results of the files of a dead-lettered session; the
         * download stage's {@code extraction-results}.
         */
        private String extractionResults = EventTopics.DEFAULT_EXTRACTION_RESULTS;

        /** Partitions of the topics this stage creates when missing (its output and dead-letter topic). */
        private int partitions = 3;

        public String getPartsUploaded() {
            return partsUploaded;
        }

        public void setPartsUploaded(String partsUploaded) {
            this.partsUploaded = partsUploaded;
        }

        public String getExtractionSubmitted() {
            return extractionSubmitted;
        }

        public void setExtractionSubmitted(String extractionSubmitted) {
            this.extractionSubmitted = extractionSubmitted;
        }

        public String getExtractionResults() {
            return extractionResults;
        }

        public void setExtractionResults(String extractionResults) {
            this.extractionResults = extractionResults;
        }

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }
    }

    /** Admission by credits: submit only when the account can pay, otherwise hold the stage (no dead letter). */
    public static class Admission {

        /** Whether the usable credits are checked before each submission. */
        private boolean enabled = true;

        /**
         * Credits required per file of a session before it is submitted (an extraction is charged one credit per
         * processed page, so one per file is the lowest possible cost).
         */
        private int creditsPerFile = 1;

        /** How long a read balance is trusted (the balance endpoint allows 60 calls per minute). */
        private Duration creditsCacheTtl = Duration.ofSeconds(5);

        /** How long the stage holds when credits are short before it looks again. */
        private Duration insufficientCreditsWait = Duration.ofSeconds(30);

        /** How long the stage holds after SUBMISSIONS_PAUSED when the API names no resume time. */
        private Duration submissionsPausedWait = Duration.ofSeconds(60);

        /** Longest hold after SUBMISSIONS_PAUSED, whatever resume time the API names. */
        private Duration maxSubmissionsPausedWait = Duration.ofMinutes(5);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getCreditsPerFile() {
            return creditsPerFile;
        }

        public void setCreditsPerFile(int creditsPerFile) {
            this.creditsPerFile = creditsPerFile;
        }

        public Duration getCreditsCacheTtl() {
            return creditsCacheTtl;
        }

        public void setCreditsCacheTtl(Duration creditsCacheTtl) {
            this.creditsCacheTtl = creditsCacheTtl;
        }

        public Duration getInsufficientCreditsWait() {
            return insufficientCreditsWait;
        }

        public void setInsufficientCreditsWait(Duration insufficientCreditsWait) {
            this.insufficientCreditsWait = insufficientCreditsWait;
        }

        public Duration getSubmissionsPausedWait() {
            return submissionsPausedWait;
        }

        public void setSubmissionsPausedWait(Duration submissionsPausedWait) {
            this.submissionsPausedWait = submissionsPausedWait;
        }

        public Duration getMaxSubmissionsPausedWait() {
            return maxSubmissionsPausedWait;
        }

        public void setMaxSubmissionsPausedWait(Duration maxSubmissionsPausedWait) {
            this.maxSubmissionsPausedWait = maxSubmissionsPausedWait;
        }
    }
}
