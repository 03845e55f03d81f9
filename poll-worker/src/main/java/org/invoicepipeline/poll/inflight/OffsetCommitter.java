package org.invoicepipeline.poll.inflight;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.OffsetMetadataTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

/**
 * Commits the poll stage's offsets itself, on the consumer thread (the only thread a Kafka consumer may be used
 * on): the lowest offset not done with, and in the commit's metadata the offsets above it that are done
 * ({@link FinishedOffsetsCodec}), so a restart resumes only what was still in flight. It is called from the
 * listener (each delivered record), the container's idle event (so commits go on while no records arrive or the
 * container is paused), the rebalance listener (before partitions are revoked, and to read the metadata back when
 * they are assigned) and the dead-letter handler.
 * <p>
 * Why not Spring Kafka's acknowledgements with {@code asyncAcks}: they commit only the low-water mark, with no
 * room for the finished offsets above it (the container's {@code OffsetAndMetadataProvider} is not told the
 * partition), and {@code asyncAcks} pauses the consumer until every record of the previous poll is acknowledged,
 * so one extraction waiting hours for answers would stop the stage's intake.
 */
public final class OffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(OffsetCommitter.class);

    private final InFlightOffsets offsets;
    private final FinishedOffsetsCodec codec;
    private final long intervalNanos;
    private final Duration commitTimeout;
    private final LongSupplier nanoTime;
    private final long started;
    /** When each consumer last committed: the consumers of a container with concurrency above 1 share this. */
    private final Map<Consumer<?, ?>, Long> lastCommits = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile boolean metadataRefused;

    public OffsetCommitter(InFlightOffsets offsets, FinishedOffsetsCodec codec, Duration interval,
                           Duration commitTimeout, LongSupplier nanoTime) {
        this.offsets = offsets;
        this.codec = codec;
        this.intervalNanos = interval.toNanos();
        this.commitTimeout = commitTimeout;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    /** Reads the committed offsets and their recorded finished offsets of newly assigned partitions. */
    public void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = consumer.committed(new HashSet<>(partitions), commitTimeout);
        }
        catch (KafkaException e) {
            // Without them nothing is skipped: the consumer starts at the committed offsets and waits for every
            // record from there again (at-least-once), as before this stage recorded finished offsets.
            log.warn("Reading the committed offsets of {} failed; nothing will be skipped: {}", partitions, e.toString());
            partitions.forEach(partition -> offsets.assigned(partition, null, Set.of()));
            return;
        }
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata commit = committed.get(partition);
            if (commit == null) {
                offsets.assigned(partition, null, Set.of());
                continue;
            }
            Set<Long> finished = codec.decode(commit.offset(), commit.metadata());
            offsets.assigned(partition, commit.offset(), finished);
            if (!finished.isEmpty()) {
                log.info("{} resumes at offset {}; {} record(s) above it finished before and are skipped", partition,
                        commit.offset(), finished.size());
            }
        }
    }

    /** Commits what changed, at most once per interval (per consumer). */
    public void commitIfDue(Consumer<?, ?> consumer) {
        if (nanoTime.getAsLong() - lastCommits.getOrDefault(consumer, started) >= intervalNanos) {
            commitNow(consumer);
        }
    }

    /** Commits what changed now (before a rebalance, after a dead letter). */
    public void commitNow(Consumer<?, ?> consumer) {
        lastCommits.put(consumer, nanoTime.getAsLong());
        // Only this consumer's partitions: with concurrency above 1 the other consumers commit theirs.
        Map<TopicPartition, CommitPoint> points = offsets.takeCommits(consumer.assignment());
        if (points.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> commits = new LinkedHashMap<>();
        points.forEach((partition, point) -> {
            String metadata = metadataRefused ? "" : codec.encode(point.offset(), point.finishedAbove());
            commits.put(partition, new OffsetAndMetadata(point.offset(), metadata));
        });
        commitOrKeep(consumer, commits);
    }

    /** Commits, or hands the partitions out again next time when the commit fails. */
    private void commitOrKeep(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> commits) {
        try {
            consumer.commitSync(commits, commitTimeout);
            log.debug("Committed {}", commits);
        }
        catch (KafkaException e) {
            if (e instanceof OffsetMetadataTooLarge && !metadataRefused) {
                // The broker allows less than offset-metadata-max-bytes: commit the offsets alone from now on.
                log.warn("The broker refuses the commit metadata ({}); committing offsets without finished offsets "
                        + "(lower pipeline.poll.offset-metadata-max-bytes)", e.getMessage());
                metadataRefused = true;
                Map<TopicPartition, OffsetAndMetadata> plain = new LinkedHashMap<>();
                commits.forEach((partition, commit) -> plain.put(partition, new OffsetAndMetadata(commit.offset())));
                commitOrKeep(consumer, plain);
                return;
            }
            offsets.markUncommitted(commits.keySet());
            log.warn("Committing {} failed; trying again later: {}", commits.keySet(), e.toString());
        }
    }
}
