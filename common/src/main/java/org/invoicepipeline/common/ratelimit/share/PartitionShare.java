package org.invoicepipeline.common.ratelimit.share;

import java.util.Collection;
import java.util.Map;

/** The part of a stage's work an instance owns: its assigned partitions of the stage's input topics over all of them. */
public final class PartitionShare {

    private PartitionShare() {
    }

    /** {@code owned / total}, clamped to [0, 1]; 0 while the topic's size is unknown. */
    public static double of(int owned, int total) {
        if (total <= 0 || owned <= 0) {
            return 0;
        }
        return Math.min(1.0, (double) owned / total);
    }

    /**
     * Over several topics (a stage that consumes more than one): owned partitions of all of them over their total.
     *
     * @param owned  the owned partition numbers per topic
     * @param totals each topic's partition count
     */
    public static double of(Map<String, ? extends Collection<Integer>> owned, Map<String, Integer> totals) {
        int ownedCount = 0;
        int total = 0;
        for (Map.Entry<String, Integer> topic : totals.entrySet()) {
            total += topic.getValue();
            Collection<Integer> partitions = owned.get(topic.getKey());
            if (partitions == null) {
                continue;
            }
            ownedCount += (int) partitions.stream().filter(p -> p >= 0 && p < topic.getValue()).distinct().count();
        }
        return of(ownedCount, total);
    }
}
