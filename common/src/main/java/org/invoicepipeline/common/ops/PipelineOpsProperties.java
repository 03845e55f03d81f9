package org.invoicepipeline.common.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The operations surface of a stage worker, under {@code pipeline.ops.*}. */
@ConfigurationProperties("pipeline.ops")
public class PipelineOpsProperties {

    /** Short stage name (upload, submit, poll, download): the {@code stage} tag and {@code /actuator/info}. */
    private String stage = "unknown";

    /** Timeout of the readiness check's describeCluster call. */
    private Duration kafkaCheckTimeout = Duration.ofSeconds(2);

    /** How long the readiness check's answer about Kafka is reused: probes never hit the broker more often. */
    private Duration kafkaCheckCacheTime = Duration.ofSeconds(10);

    /** Files whose entry time into the stage is remembered for pipeline.stage.duration (oldest dropped first). */
    private int stageTimingCapacity = 100_000;

    /** An extraction not read again for this long is no longer counted in flight here (its watcher moved). */
    private Duration inFlightForgetAfter = Duration.ofMinutes(10);

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public Duration getKafkaCheckTimeout() {
        return kafkaCheckTimeout;
    }

    public void setKafkaCheckTimeout(Duration kafkaCheckTimeout) {
        this.kafkaCheckTimeout = kafkaCheckTimeout;
    }

    public Duration getKafkaCheckCacheTime() {
        return kafkaCheckCacheTime;
    }

    public void setKafkaCheckCacheTime(Duration kafkaCheckCacheTime) {
        this.kafkaCheckCacheTime = kafkaCheckCacheTime;
    }

    public int getStageTimingCapacity() {
        return stageTimingCapacity;
    }

    public void setStageTimingCapacity(int stageTimingCapacity) {
        this.stageTimingCapacity = stageTimingCapacity;
    }

    public Duration getInFlightForgetAfter() {
        return inFlightForgetAfter;
    }

    public void setInFlightForgetAfter(Duration inFlightForgetAfter) {
        this.inFlightForgetAfter = inFlightForgetAfter;
    }
}
