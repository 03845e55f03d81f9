package org.invoicepipeline.poll.inflight;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Tracks, per partition, which records are done with (their extraction's outcome was published, or they were
 * dead-lettered) and which are still in flight, and says what to commit: the lowest offset not done with
 * ({@link CommitPoint#offset()}) plus the offsets above it that are done ({@link CommitPoint#finishedAbove()}),
 * which {@link OffsetCommitter} records in the commit's metadata. After a restart or rebalance the new owner reads
 * them back ({@link #assigned}) and {@link #begin} refuses those records: only what was still in flight is waited
 * for again, even when one extraction held in {@code input_required} pins the committed offset for hours.
 * <p>
 * Offsets never delivered but below a delivered one (transaction markers, records removed by retention) are gaps,
 * done by definition: the consumer delivers a partition's records in offset order.
 * <p>
 * Thread-safe: the consumer thread begins records and takes commits, waiter threads finish them.
 */
public final class InFlightOffsets {

    private static final class PartitionOffsets {
        /** The lowest offset not done with; {@code null} until known (no commit yet and nothing delivered). */
        Long position;
        /** The highest offset delivered or dead-lettered. */
        long highestSeen = -1;
        final NavigableSet<Long> inFlight = new TreeSet<>();
        /** Done offsets above {@link #position}: finished, dead-lettered, or recorded as finished before a restart. */
        final NavigableSet<Long> finished = new TreeSet<>();
        boolean uncommitted;

        void startAt(long offset) {
            if (position == null) {
                position = offset;
            }
        }

        /** Moves the position past every offset that is done with, and drops what falls below it. */
        void advance() {
            if (position == null) {
                return;
            }
            long next = position;
            while (true) {
                if (finished.contains(next)) {
                    next++;
                }
                else if (next <= highestSeen && !inFlight.contains(next)) {
                    Long nextInFlight = inFlight.ceiling(next);
                    next = nextInFlight == null ? highestSeen + 1 : Math.min(nextInFlight, highestSeen + 1);
                }
                else {
                    break;
                }
            }
            if (next != position) {
                position = next;
                uncommitted = true;
            }
            finished.headSet(position, false).clear();
        }
    }

    private final Map<TopicPartition, PartitionOffsets> partitions = new HashMap<>();
    private int inFlightCount;

    /**
     * A partition was assigned: its committed offset ({@code null} when the group never committed one) and the
     * offsets above it recorded as done by the previous owner.
     */
    public synchronized void assigned(TopicPartition partition, Long committedOffset, Collection<Long> finishedAbove) {
        PartitionOffsets offsets = new PartitionOffsets();
        if (committedOffset != null) {
            offsets.position = committedOffset;
            offsets.highestSeen = committedOffset - 1;
            finishedAbove.stream().filter(o -> o > committedOffset).forEach(offsets.finished::add);
        }
        PartitionOffsets previous = partitions.put(partition, offsets);
        if (previous != null) {
            inFlightCount -= previous.inFlight.size();
        }
    }

    /**
     * A record was delivered. Returns whether its extraction must be waited for: {@code false} when the record is
     * done with already (below the committed offset, or finished before a restart), so it is skipped.
     */
    public synchronized boolean begin(TopicPartition partition, long offset) {
        PartitionOffsets offsets = partitions.computeIfAbsent(partition, p -> new PartitionOffsets());
        offsets.startAt(offset);
        if (offset < offsets.position || offsets.finished.contains(offset)) {
            offsets.highestSeen = Math.max(offsets.highestSeen, offset);
            offsets.advance();
            return false;
        }
        offsets.highestSeen = Math.max(offsets.highestSeen, offset);
        if (offsets.inFlight.add(offset)) {
            inFlightCount++;
        }
        return true;
    }

    /** The record's extraction is done with and its outcome published. Nothing happens if it was not in flight here. */
    public synchronized void finish(TopicPartition partition, long offset) {
        PartitionOffsets offsets = partitions.get(partition);
        if (offsets == null || !offsets.inFlight.remove(offset)) {
            return;
        }
        inFlightCount--;
        end(offsets, offset);
    }

    /** Ends a record the stage gave up on (dead-lettered), whether or not it was in flight (a poison record never is). */
    public synchronized void abandon(TopicPartition partition, long offset) {
        PartitionOffsets offsets = partitions.computeIfAbsent(partition, p -> new PartitionOffsets());
        offsets.startAt(offset);
        if (offsets.inFlight.remove(offset)) {
            inFlightCount--;
        }
        offsets.highestSeen = Math.max(offsets.highestSeen, offset);
        end(offsets, offset);
    }

    private static void end(PartitionOffsets offsets, long offset) {
        if (offset >= offsets.position) {
            offsets.finished.add(offset);
        }
        offsets.uncommitted = true;
        offsets.advance();
    }

    /** Whether the record is still in flight here (false once finished, or after its partition was revoked). */
    public synchronized boolean isInFlight(TopicPartition partition, long offset) {
        PartitionOffsets offsets = partitions.get(partition);
        return offsets != null && offsets.inFlight.contains(offset);
    }

    /**
     * The commit points of the partitions that changed since they were last taken; each is handed out once (see
     * {@link #markUncommitted} when committing it fails).
     */
    public synchronized Map<TopicPartition, CommitPoint> takeCommits() {
        return takeCommits(partition -> true);
    }

    /**
     * The commit points of those of {@code assigned} that changed: the consumers of a container with
     * {@code concurrency} above 1 share this tracker, and each may commit only its own partitions.
     */
    public synchronized Map<TopicPartition, CommitPoint> takeCommits(Collection<TopicPartition> assigned) {
        return takeCommits(assigned::contains);
    }

    private Map<TopicPartition, CommitPoint> takeCommits(Predicate<TopicPartition> of) {
        Map<TopicPartition, CommitPoint> commits = new LinkedHashMap<>();
        partitions.forEach((partition, offsets) -> {
            if (offsets.uncommitted && offsets.position != null && of.test(partition)) {
                commits.put(partition, new CommitPoint(offsets.position, offsets.finished.stream().toList()));
                offsets.uncommitted = false;
            }
        });
        return commits;
    }

    /** Committing these partitions failed: hand them out again next time. */
    public synchronized void markUncommitted(Collection<TopicPartition> failed) {
        failed.forEach(partition -> {
            PartitionOffsets offsets = partitions.get(partition);
            if (offsets != null) {
                offsets.uncommitted = true;
            }
        });
    }

    /** Forgets revoked partitions: their records will be delivered to whichever consumer owns them next. */
    public synchronized void forget(Collection<TopicPartition> revoked) {
        for (TopicPartition partition : revoked) {
            PartitionOffsets removed = partitions.remove(partition);
            if (removed != null) {
                inFlightCount -= removed.inFlight.size();
            }
        }
    }

    /** Records in flight across all partitions. */
    public synchronized int size() {
        return inFlightCount;
    }
}
