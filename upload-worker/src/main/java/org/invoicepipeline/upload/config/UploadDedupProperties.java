package org.invoicepipeline.upload.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.invoicepipeline.common.config.PropertyRules;

/**
 * {@code pipeline.upload.dedup.*}: content de-duplication per profile. A file whose bytes (SHA-256) were already
 * planned under the same profile is not uploaded again; it gets the first file's result, naming it in
 * {@code duplicate_of}. Off by default: it saves the credits of repeated files, but a duplicate's result waits for
 * the first's and repeats its rows (Source File cells included), which not every consumer expects.
 */
public class UploadDedupProperties {

    /** Skip the upload of a file whose bytes were already planned under the same profile (see the README). */
    private boolean enabled = false;

    /** Profiles de-duplicated when enabled; empty means every profile. */
    private Set<String> profiles = new LinkedHashSet<>();

    /** Compacted topic of the index content (profile + SHA-256) -> first file and, once known, its result. */
    private String indexTopic = "upload-content-index";

    /** Compacted topic of the duplicates waiting for their first file's result (key: the duplicate's file id). */
    private String duplicatesTopic = "upload-content-duplicates";

    /** Consumer group of the resolver that reads extraction-results and answers the waiting duplicates. */
    private String groupId = "upload-content-dedup";

    /** Longest wait of one poll of the resolver. */
    private Duration pollTimeout = Duration.ofMillis(500);

    /** Start-up checks of these settings, nested as {@code dedup} in {@code rules}' properties. */
    void validate(PropertyRules rules, boolean publishFailedResults) {
        rules.positive("dedup.pollTimeout", pollTimeout);
        rules.require(!enabled || publishFailedResults, "dedup.enabled", enabled,
                "needs uploader.publish-failed-results=true (a duplicate waits for its first file's result, also a"
                        + " failed one)");
        rules.require(!enabled || !indexTopic.equals(duplicatesTopic), "dedup.indexTopic", indexTopic,
                "must differ from dedup.duplicates-topic");
    }

    /** Whether files of {@code profile} are de-duplicated. */
    public boolean appliesTo(String profile) {
        return enabled && (profiles.isEmpty() || profiles.contains(profile));
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Set<String> getProfiles() {
        return profiles;
    }

    public void setProfiles(Set<String> profiles) {
        this.profiles = profiles;
    }

    public String getIndexTopic() {
        return indexTopic;
    }

    public void setIndexTopic(String indexTopic) {
        this.indexTopic = indexTopic;
    }

    public String getDuplicatesTopic() {
        return duplicatesTopic;
    }

    public void setDuplicatesTopic(String duplicatesTopic) {
        this.duplicatesTopic = duplicatesTopic;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public Duration getPollTimeout() {
        return pollTimeout;
    }

    public void setPollTimeout(Duration pollTimeout) {
        this.pollTimeout = pollTimeout;
    }
}
