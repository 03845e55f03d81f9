package org.invoicepipeline.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** What the monitor watches, under {@code pipeline.monitor.*}; defaults are the pipeline's own names. */
@ConfigurationProperties(MonitorProperties.PREFIX)
public class MonitorProperties {

    /** Prefix of these properties. */
    public static final String PREFIX = "pipeline.monitor";

    /* Keys set from outside the stage (local-pipeline, its tests), defined once next to their property. */
    public static final String BOOTSTRAP_SERVERS = PREFIX + ".bootstrap-servers";
    public static final String POLL_INTERVAL = PREFIX + ".poll-interval";

    /** Kafka cluster to read offsets from. */
    private String bootstrapServers = "localhost:9092";

    /** Extra Kafka client settings (security etc.) of the monitor's admin client and timestamp reader. */
    private Map<String, String> kafka = new LinkedHashMap<>();

    /** How often offsets are read; lag metrics are as old as this at most. */
    private Duration pollInterval = Duration.ofSeconds(15);

    /** Timeout of each admin call and of reading the oldest unconsumed records' timestamps. */
    private Duration requestTimeout = Duration.ofSeconds(5);

    /** Consumer groups to watch: group id -> the stage it belongs to and the topics it consumes. */
    private Map<String, Group> groups = defaultGroups();

    /**
     * Dead-letter topics to watch besides every topic whose name ends in {@code .DLT} (those are found on each
     * poll).
     */
    private List<String> deadLetterTopics = new ArrayList<>();

    /** A watched consumer group. */
    public static class Group {

        /** Stage label of the group's metrics (upload, submit, poll, download). */
        private String stage;

        /** Topics the group consumes; lag is reported for each of their partitions even before a first commit. */
        private List<String> topics = new ArrayList<>();

        public Group() {
        }

        Group(String stage, List<String> topics) {
            this.stage = stage;
            this.topics = new ArrayList<>(topics);
        }

        public String getStage() {
            return stage;
        }

        public void setStage(String stage) {
            this.stage = stage;
        }

        public List<String> getTopics() {
            return topics;
        }

        public void setTopics(List<String> topics) {
            this.topics = topics;
        }
    }

    static Map<String, Group> defaultGroups() {
        Map<String, Group> groups = new LinkedHashMap<>();
        groups.put("upload-planner", new Group("upload", List.of("files-registered")));
        groups.put("upload-uploader", new Group("upload", List.of("upload-sessions-planned")));
        groups.put("submit-worker", new Group("submit", List.of("parts-uploaded")));
        groups.put("poll-worker", new Group("poll", List.of("extraction-submitted")));
        groups.put("download-worker", new Group("download", List.of("extraction-completed")));
        return groups;
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public Map<String, String> getKafka() {
        return kafka;
    }

    public void setKafka(Map<String, String> kafka) {
        this.kafka = kafka;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Map<String, Group> getGroups() {
        return groups;
    }

    public void setGroups(Map<String, Group> groups) {
        this.groups = groups;
    }

    public List<String> getDeadLetterTopics() {
        return deadLetterTopics;
    }

    public void setDeadLetterTopics(List<String> deadLetterTopics) {
        this.deadLetterTopics = deadLetterTopics;
    }
}
