package org.invoicepipeline.common.ratelimit.share;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds a stage's rebalances to its {@link StageShare}: after every assignment, revocation or loss the stage owns
 * {@code owned ÷ all} partitions of its input topics ({@link PartitionShare}), and the key's limits are re-divided.
 * One instance serves all consumers of a container (concurrency above 1), so it keeps the union of their
 * partitions. Calls the stage's own listener ({@code delegate}) first, unchanged.
 */
public final class StageShareRebalanceListener implements ConsumerAwareRebalanceListener {

    /** The line logged (INFO) on every change: stage, owned partitions, all partitions, share. */
    public static final String SHARE_LOG_FORMAT = "Rate-limit share of stage {}: {} of {} input partitions, share {}";

    private static final Logger log = LoggerFactory.getLogger(StageShareRebalanceListener.class);

    private final ConsumerRebalanceListener delegate;
    private final StageShare share;
    private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> totals = new ConcurrentHashMap<>();

    /** @param delegate the container's listener before, or {@code null} */
    public StageShareRebalanceListener(ConsumerRebalanceListener delegate, StageShare share) {
        this.delegate = delegate;
        this.share = share;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsAssigned(consumer, partitions);
        } else if (delegate != null) {
            delegate.onPartitionsAssigned(partitions);
        }
        owned.addAll(partitions);
        // The topic's size, each time: partitions may have been added since.
        for (String topic : topicsOf(partitions)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null && !infos.isEmpty()) {
                totals.put(topic, infos.size());
            }
        }
        report();
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsRevokedBeforeCommit(consumer, partitions);
        } else if (delegate != null) {
            delegate.onPartitionsRevoked(partitions);
        }
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsRevokedAfterCommit(consumer, partitions);
        }
        owned.removeAll(partitions);
        report();
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsLost(consumer, partitions);
        } else if (delegate != null) {
            delegate.onPartitionsLost(partitions);
        }
        owned.removeAll(partitions);
        report();
    }

    /** The partitions the stage owns now. */
    public Set<TopicPartition> owned() {
        return Set.copyOf(owned);
    }

    private void report() {
        Map<String, Set<Integer>> byTopic = new HashMap<>();
        for (TopicPartition partition : owned) {
            byTopic.computeIfAbsent(partition.topic(), t -> new HashSet<>()).add(partition.partition());
        }
        double now = PartitionShare.of(byTopic, totals);
        double before = share.share();
        share.report(now);
        if (now != before) {
            int total = totals.values().stream().mapToInt(Integer::intValue).sum();
            log.info(SHARE_LOG_FORMAT, share.stage(), owned.size(), total, String.format(java.util.Locale.ROOT,
                    "%.4f", now));
        }
    }

    private static Set<String> topicsOf(Collection<TopicPartition> partitions) {
        Set<String> topics = new HashSet<>();
        partitions.forEach(p -> topics.add(p.topic()));
        return topics;
    }
}
