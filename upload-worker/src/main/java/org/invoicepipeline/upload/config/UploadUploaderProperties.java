package org.invoicepipeline.upload.config;

import java.time.Duration;

import org.invoicepipeline.common.config.PropertyRules;

/** {@code pipeline.upload.uploader.*}: how planned sessions are uploaded. */
public class UploadUploaderProperties {

    /** Kafka consumer group of the uploader (reads the planned sessions). */
    private String groupId = "upload-uploader";

    /**
     * Longest time one planned session may take to upload (the uploader consumer's
     * {@code max.poll.interval.ms}; it reads one session per poll). Size it with planner.max-session-size.
     */
    private Duration maxSessionTime = Duration.ofMinutes(15);

    /**
     * Files of one session uploaded at the same time. Each file takes three calls in sequence (part URLs, PUT,
     * complete), so C files at once at L seconds per call move at most 60 C / (3 L) files a minute: 8 keep that above
     * the key's upload ceiling (600 calls/min ÷ 2.002 per file = 299.7 files/min) up to L = 0.53 s (4 bound at 0.27 s).
     */
    private int fileConcurrency = 8;

    /** Publish a FAILED ExtractionResult for every file the stage could not upload or rejected. */
    private boolean publishFailedResults = true;


    /** Start-up checks of these settings, nested as {@code uploader} in {@code rules}' properties. */
    void validate(PropertyRules rules) {
        rules.positive("uploader.maxSessionTime", maxSessionTime)
                .atLeast("uploader.fileConcurrency", fileConcurrency, 1);
    }

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
