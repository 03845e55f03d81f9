package org.invoicepipeline.poll.config;

import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.kafka.StageRetryProperties;
import org.invoicepipeline.common.config.ConsumerStageProperties;
import org.invoicepipeline.common.config.PropertyRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration of the poll worker, under {@code pipeline.poll}: the shared stage settings
 * ({@link ConsumerStageProperties}; its retries are redeliveries of a record whose handling failed on the consumer
 * thread, e.g. publishing) plus the long-polls, resubmissions and commits of the stage. Longer than 250 lines on
 * purpose: a flat list of the stage's settings (field with its Javadoc, getter, setter), whose keys
 * ({@code pipeline.poll.long-poll-wait}, ...) a split into nested groups would change.
 */
@ConfigurationProperties(PollWorkerProperties.PREFIX)
public class PollWorkerProperties extends ConsumerStageProperties {

    /** Prefix of these properties. */
    public static final String PREFIX = "pipeline.poll";

    /* Keys set from outside the stage (local-pipeline, its tests), defined once next to their property. */
    public static final String LONG_POLL_WAIT = PREFIX + ".long-poll-wait";
    public static final String RESUBMIT_DELAY = PREFIX + ".resubmit-delay";
    public static final String ERROR_BACKOFF = PREFIX + ".error-backoff";

    private final Topics topics = new Topics();

    /**
     * How long one getExtraction call asks the API to hold the request (1 to 45 s). Longer waits mean fewer
     * calls against the 120/min status limit; the response comes as soon as the status changes anyway.
     */
    private Duration longPollWait = Duration.ofSeconds(30);

    /**
     * Threads holding long-polls. Extractions beyond this many take turns; with a 30 s wait, 60 threads would
     * already use the whole 120/min status limit.
     */
    private int waiterThreads = 32;

    /** Extractions tracked at once; above it the consumer pauses until some finish. */
    private int maxInFlight = 2_000;

    /** Submissions of the same files in all (first included) before a retryable failure becomes final. */
    private int maxSubmissionAttempts = 3;

    /**
     * Failure codes of an extraction that may succeed when the same files are submitted again with a new
     * submission id, resubmitted like a failure the API marks {@code retryable: true}.
     */
    private Set<String> resubmittableCodes = new LinkedHashSet<>(
            List.of("CONCURRENT_TASK_LIMIT", "SUBMISSION_STALLED", "INTERNAL_ERROR"));

    /**
     * Wait before resubmitting after a retryable failure (see {@code resubmittable-codes}), multiplied by the attempt number, so a busy account gets time to free a slot.
     */
    private Duration resubmitDelay = Duration.ofSeconds(30);

    /** Re-check interval of an extraction waiting for answers (or in a status this worker does not know). */
    private Duration inputRequiredRecheck = Duration.ofSeconds(60);

    /** First back-off after a failed status call (doubling per consecutive failure); a Retry-After wins. */
    private Duration errorBackoff = Duration.ofSeconds(2);

    /** Cap of the back-off after failed status calls. */
    private Duration maxErrorBackoff = Duration.ofMinutes(2);

    /**
     * Age (since its submission) at which an extraction still processing or waiting for answers is cancelled
     * through the API and its files end FAILED with EXTRACTION_DEADLINE_EXCEEDED.
     */
    private Duration maxExtractionAge = Duration.ofHours(24);

    /** Re-check interval of the credits while a resubmission after INSUFFICIENT_CREDITS is held. */
    private Duration insufficientCreditsWait = Duration.ofSeconds(30);

    /**
     * How often finished records are committed (with the finished offsets above the committed one in the commit
     * metadata); also the container's idle-event interval, which drives commits while no records arrive.
     */
    private Duration commitInterval = Duration.ofSeconds(1);

    /**
     * Longest commit metadata written (the finished offsets above the committed one); below the broker's
     * offset.metadata.max.bytes (4096 by default). What does not fit is waited for again after a restart.
     */
    private int offsetMetadataMaxBytes = 4000;

    /**
     * Carry the completed status's signed output URLs (valid 5 minutes) in ExtractionCompleted, so the download
     * stage fetches the files without calls to the output endpoint (30/min). Off keeps every signed URL off Kafka,
     * at the price of one output call per file format.
     */
    private boolean carryOutputUrls = true;

    public PollWorkerProperties() {
        super(PREFIX, "poll-worker", new StageRetryProperties());
    }

    @Override
    protected void validate(PropertyRules rules) {
        super.validate(rules);
        rules.require(longPollWait != null && longPollWait.compareTo(Duration.ofSeconds(1)) >= 0
                        && longPollWait.compareTo(Duration.ofSeconds(45)) <= 0, "longPollWait", longPollWait,
                        "must be between 1s and 45s (the API's wait range)")
                .atLeast("waiterThreads", waiterThreads, 1)
                .atLeast("maxInFlight", maxInFlight, 1)
                .atLeast("maxSubmissionAttempts", maxSubmissionAttempts, 1)
                .notNegative("resubmitDelay", resubmitDelay)
                .positive("inputRequiredRecheck", inputRequiredRecheck)
                .positive("errorBackoff", errorBackoff)
                .notLonger("errorBackoff", errorBackoff, "maxErrorBackoff", maxErrorBackoff)
                .require(maxExtractionAge != null && longPollWait != null
                        && maxExtractionAge.compareTo(longPollWait) > 0, "maxExtractionAge", maxExtractionAge,
                        "must be longer than long-poll-wait")
                .positive("insufficientCreditsWait", insufficientCreditsWait)
                .positive("commitInterval", commitInterval)
                .atLeast("offsetMetadataMaxBytes", offsetMetadataMaxBytes, 0);
    }

    public Topics getTopics() {
        return topics;
    }

    public Duration getLongPollWait() {
        return longPollWait;
    }

    public void setLongPollWait(Duration longPollWait) {
        this.longPollWait = longPollWait;
    }

    public int getWaiterThreads() {
        return waiterThreads;
    }

    public void setWaiterThreads(int waiterThreads) {
        this.waiterThreads = waiterThreads;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public int getMaxSubmissionAttempts() {
        return maxSubmissionAttempts;
    }

    public void setMaxSubmissionAttempts(int maxSubmissionAttempts) {
        this.maxSubmissionAttempts = maxSubmissionAttempts;
    }

    public Set<String> getResubmittableCodes() {
        return resubmittableCodes;
    }

    public void setResubmittableCodes(Set<String> resubmittableCodes) {
        this.resubmittableCodes = resubmittableCodes;
    }

    public Duration getResubmitDelay() {
        return resubmitDelay;
    }

    public void setResubmitDelay(Duration resubmitDelay) {
        this.resubmitDelay = resubmitDelay;
    }

    public Duration getInputRequiredRecheck() {
        return inputRequiredRecheck;
    }

    public void setInputRequiredRecheck(Duration inputRequiredRecheck) {
        this.inputRequiredRecheck = inputRequiredRecheck;
    }

    public Duration getErrorBackoff() {
        return errorBackoff;
    }

    public void setErrorBackoff(Duration errorBackoff) {
        this.errorBackoff = errorBackoff;
    }

    public Duration getMaxErrorBackoff() {
        return maxErrorBackoff;
    }

    public void setMaxErrorBackoff(Duration maxErrorBackoff) {
        this.maxErrorBackoff = maxErrorBackoff;
    }

    public Duration getMaxExtractionAge() {
        return maxExtractionAge;
    }

    public void setMaxExtractionAge(Duration maxExtractionAge) {
        this.maxExtractionAge = maxExtractionAge;
    }

    public Duration getInsufficientCreditsWait() {
        return insufficientCreditsWait;
    }

    public void setInsufficientCreditsWait(Duration insufficientCreditsWait) {
        this.insufficientCreditsWait = insufficientCreditsWait;
    }

    public Duration getCommitInterval() {
        return commitInterval;
    }

    public void setCommitInterval(Duration commitInterval) {
        this.commitInterval = commitInterval;
    }

    public int getOffsetMetadataMaxBytes() {
        return offsetMetadataMaxBytes;
    }

    public void setOffsetMetadataMaxBytes(int offsetMetadataMaxBytes) {
        this.offsetMetadataMaxBytes = offsetMetadataMaxBytes;
    }

    public boolean isCarryOutputUrls() {
        return carryOutputUrls;
    }

    public void setCarryOutputUrls(boolean carryOutputUrls) {
        this.carryOutputUrls = carryOutputUrls;
    }

    /** Topic names. Dead letters go to {@code <extraction-submitted>.DLT}. */
    public static class Topics {

        /** ExtractionSubmitted events from the submit stage (input; resubmissions are published back to it). */
        private String extractionSubmitted = EventTopics.DEFAULT_EXTRACTION_SUBMITTED;

        /** ExtractionCompleted events for the download stage (output). */
        private String extractionCompleted = EventTopics.DEFAULT_EXTRACTION_COMPLETED;

        /** ExtractionQuestionsAsked events: the questions of input_required extractions (output). */
        private String extractionQuestions = EventTopics.DEFAULT_EXTRACTION_QUESTIONS;

        /**
         * ExtractionResult events (output): the DEAD_LETTERED results of the files of a record the error handler
         * dead-letters; the download stage's {@code extraction-results}.
         */
        private String extractionResults = EventTopics.DEFAULT_EXTRACTION_RESULTS;

        public String getExtractionResults() {
            return extractionResults;
        }

        public void setExtractionResults(String extractionResults) {
            this.extractionResults = extractionResults;
        }

        public String getExtractionSubmitted() {
            return extractionSubmitted;
        }

        public void setExtractionSubmitted(String extractionSubmitted) {
            this.extractionSubmitted = extractionSubmitted;
        }

        public String getExtractionCompleted() {
            return extractionCompleted;
        }

        public void setExtractionCompleted(String extractionCompleted) {
            this.extractionCompleted = extractionCompleted;
        }

        public String getExtractionQuestions() {
            return extractionQuestions;
        }

        public void setExtractionQuestions(String extractionQuestions) {
            this.extractionQuestions = extractionQuestions;
        }
    }
}
