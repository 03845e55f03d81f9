package org.invoicepipeline.submit.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.invoicepipeline.client.model.ExtractionState;

import org.invoicepipeline.common.config.ConsumerStageProperties;
import org.invoicepipeline.common.config.CreatedTopics;
import org.invoicepipeline.common.config.PropertyRules;
import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.kafka.StageRetryOptions;
import org.invoicepipeline.common.kafka.StageRetryProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything the submit stage can be configured with, under {@code pipeline.submit.*}: the shared stage settings
 * ({@link ConsumerStageProperties}; its retries are those of a session whose submission failed with a retryable
 * error, with a first back-off of 2 s) plus the admission by credits.
 */
@ConfigurationProperties(SubmitWorkerProperties.PREFIX)
public class SubmitWorkerProperties extends ConsumerStageProperties {

    /** Prefix of these properties. */
    public static final String PREFIX = "pipeline.submit";

    /* Keys set from outside the stage (local-pipeline, its tests), defined once next to their property. */
    public static final String TOPICS_PARTITIONS = PREFIX + ".topics.partitions";
    public static final String ADMISSION_CONCURRENCY_LIMIT = PREFIX + ".admission.concurrency-limit";

    private final Topics topics = new Topics();
    private final Admission admission = new Admission();

    public SubmitWorkerProperties() {
        super(PREFIX, "submit-worker", new StageRetryProperties(new StageRetryOptions(Duration.ofSeconds(2), 2.0,
                Duration.ofMinutes(2), 8, Duration.ofSeconds(2))));
    }

    @Override
    protected void validate(PropertyRules rules) {
        super.validate(rules);
        topics.validate(rules);
        admission.validate(rules);
    }

    public Topics getTopics() {
        return topics;
    }

    public Admission getAdmission() {
        return admission;
    }

    /** Topic names. Dead letters go to {@code <parts-uploaded>.DLT}. */
    public static class Topics extends CreatedTopics {

        /** PartsUploaded events from the upload stage (input). */
        private String partsUploaded = EventTopics.DEFAULT_PARTS_UPLOADED;

        /** ExtractionSubmitted events for the poll stage (output). */
        private String extractionSubmitted = EventTopics.DEFAULT_EXTRACTION_SUBMITTED;

        /**
         * ExtractionResult events (output): the DEAD_LETTERED results of the files of a dead-lettered session; the
         * download stage's {@code extraction-results}.
         */
        private String extractionResults = EventTopics.DEFAULT_EXTRACTION_RESULTS;

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

    }

    /**
     * Admission by concurrency and credits: submit only while the account runs fewer extractions than it may and
     * can pay, otherwise hold the stage (no dead letter).
     */
    public static class Admission {

        /**
         * Extractions the account may run at once (the API's concurrency limit, 15 by default, counting those
         * started in the web app); a session is held while this many are in flight. 0 turns the check off.
         */
        private int concurrencyLimit = 15;

        /**
         * How long a listing of the in-flight extractions ({@code listExtractions}, 60 calls per minute; one call
         * per status listed) is trusted while it leaves room; submissions since are counted on top.
         */
        private Duration inFlightCacheTtl = Duration.ofSeconds(3);

        /**
         * How long the stage holds at the concurrency limit before it lists the in-flight extractions again (at the
         * limit: one listing per wait, so keep statuses ÷ wait under the 60 calls a minute of listExtractions).
         */
        private Duration concurrencyLimitWait = Duration.ofSeconds(2);

        /** The statuses that occupy a place under the concurrency limit (one listExtractions call each per reading). */
        private List<ExtractionState> inFlightStatuses = new ArrayList<>(
                List.of(ExtractionState.PROCESSING, ExtractionState.INPUT_REQUIRED));

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

        void validate(PropertyRules rules) {
            rules.require(inFlightStatuses != null && !inFlightStatuses.isEmpty()
                            && inFlightStatuses.stream().noneMatch(ExtractionState::isTerminal),
                            "admission.inFlightStatuses", inFlightStatuses, "must name non-terminal statuses")
                    .atLeast("admission.concurrencyLimit", concurrencyLimit, 0)
                    .positive("admission.inFlightCacheTtl", inFlightCacheTtl)
                    .positive("admission.concurrencyLimitWait", concurrencyLimitWait);
        }

        public List<ExtractionState> getInFlightStatuses() {
            return inFlightStatuses;
        }

        public void setInFlightStatuses(List<ExtractionState> inFlightStatuses) {
            this.inFlightStatuses = inFlightStatuses;
        }

        public int getConcurrencyLimit() {
            return concurrencyLimit;
        }

        public void setConcurrencyLimit(int concurrencyLimit) {
            this.concurrencyLimit = concurrencyLimit;
        }

        public Duration getInFlightCacheTtl() {
            return inFlightCacheTtl;
        }

        public void setInFlightCacheTtl(Duration inFlightCacheTtl) {
            this.inFlightCacheTtl = inFlightCacheTtl;
        }

        public Duration getConcurrencyLimitWait() {
            return concurrencyLimitWait;
        }

        public void setConcurrencyLimitWait(Duration concurrencyLimitWait) {
            this.concurrencyLimitWait = concurrencyLimitWait;
        }

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
