package org.invoicepipeline.upload.config;

import java.time.Duration;

import org.invoicepipeline.common.config.PropertyRules;
import org.springframework.util.unit.DataSize;

/**
 * {@code pipeline.upload.planner.*}: how valid files are grouped into upload sessions and how the plan is
 * persisted.
 */
public class UploadPlannerProperties {

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


    /** Start-up checks of these settings, nested as {@code planner} in {@code rules}' properties. */
    void validate(PropertyRules rules) {
        rules.require(maxFilesPerSession >= 1 && maxFilesPerSession <= 6_000, "planner.maxFilesPerSession",
                        maxFilesPerSession, "must be between 1 and 6000 (the API's files per session)")
                .require(maxSessionSize != null && maxSessionSize.toBytes() > 0
                        && maxSessionSize.compareTo(DataSize.ofGigabytes(2)) <= 0, "planner.maxSessionSize",
                        maxSessionSize, "must be above 0 and at most 2GB (the API's session size)")
                .notNegative("planner.linger", linger)
                .positive("planner.pollTimeout", pollTimeout);
    }

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
