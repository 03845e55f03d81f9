package org.invoicepipeline.common.config;

import org.invoicepipeline.common.kafka.StageRetryProperties;

/**
 * The properties of a stage that reads its input with one listener container: {@link StageProperties} plus
 * {@code group-id} (a default per stage) and {@code concurrency}.
 */
public abstract class ConsumerStageProperties extends StageProperties<StageRetryProperties> {

    /** Kafka consumer group of the stage. */
    private String groupId;

    /** Listener threads (at most the partition count of the input topic is useful). */
    private int concurrency = 1;

    /** @param defaultGroupId the stage's consumer group unless {@code group-id} is set */
    protected ConsumerStageProperties(String prefix, String defaultGroupId, StageRetryProperties retry) {
        super(prefix, retry);
        this.groupId = defaultGroupId;
    }

    @Override
    protected void validate(PropertyRules rules) {
        rules.atLeast("concurrency", concurrency, 1);
        super.validate(rules);
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
}
