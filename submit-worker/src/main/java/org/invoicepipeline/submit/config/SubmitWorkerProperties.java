package org.invoicepipeline.submit.config;

import java.time.Duration;

import org.invoicepipeline.common.kafka.StageRetryOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything the submit stage can be configured with, under {@code pipeline.submit.*}. */
@ConfigurationProperties("pipeline.submit")
public class SubmitWorkerProperties {

    private final Topics topics = new Topics();
    private final Admission admission = new Admission();
    private final Retry retry = new Retry();

    /** Kafka consumer group of the stage. */
    private String groupId = "submit-worker";

    /** Listener threads (at most the partition count of the input topic is useful). */
    private int concurrency = 1;

    public Topics getTopics() {
        return topics;
    }

    public Admission getAdmission() {
        return admission;
    }

    public Retry getRetry() {
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

    /** Topic names. Dead letters go to {@code <parts-uploaded>.DLT}. */
    public static class Topics {

        /** PartsUploaded events from the upload stage (input). */
        private String partsUploaded = "parts-uploaded";

        /** ExtractionSubmitted events for the poll stage (output). */
        private String extractionSubmitted = "extraction-submitted";

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

    /** Retries of a session whose submission failed with a retryable error, before it is dead-lettered. */
    public static class Retry {

        /** First back-off. */
        private Duration initialInterval = Duration.ofSeconds(2);

        /** Growth of each next back-off. */
        private double multiplier = 2.0;

        /** Longest back-off (a longer Retry-After from the API still wins). */
        private Duration maxInterval = Duration.ofMinutes(2);

        /** Deliveries in all before the session is dead-lettered. */
        private int maxAttempts = 8;

        /** Back-offs up to this are slept on the consumer thread; longer ones pause the container. */
        private Duration maxBlockingSleep = Duration.ofSeconds(2);

        public StageRetryOptions toOptions() {
            return new StageRetryOptions(initialInterval, multiplier, maxInterval, maxAttempts, maxBlockingSleep);
        }

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getMaxBlockingSleep() {
            return maxBlockingSleep;
        }

        public void setMaxBlockingSleep(Duration maxBlockingSleep) {
            this.maxBlockingSleep = maxBlockingSleep;
        }
    }
}
