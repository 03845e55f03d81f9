package org.invoicepipeline.common.config;

/**
 * The {@code topics.*} of a stage that creates its output and dead-letter topics when missing: the stage's topic
 * names (in the subclass) and the partitions of the topics it creates.
 */
public class CreatedTopics {

    /** Partitions of the topics this stage creates when missing (its outputs and dead-letter topics). */
    private int partitions = 3;

    /** Start-up checks of these settings, nested as {@code topics} in {@code rules}' properties. */
    public void validate(PropertyRules rules) {
        rules.atLeast("topics.partitions", partitions, 1);
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }
}
