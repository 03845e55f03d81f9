package org.invoicepipeline.poll.inflight;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Tracks the records whose extractions are still being waited for, per partition, and says which record may be
 * acknowledged when one finishes: the highest finished record below the lowest one still in flight. Acknowledging
 * it commits its offset + 1, so a committed offset never passes an extraction in flight: after a crash or a
 * rebalance every unfinished extraction's record is delivered again and waited for anew (the API's
 * {@code getExtraction} is read-only, so waiting twice costs nothing but a status call).
 *
 * @param <A> the acknowledgement handle of a record (Spring Kafka's {@code Acknowledgment})
 */
public final class InFlightOffsets<A> {

    private static final class PartitionOffsets<A> {
        final NavigableMap<Long, A> inFlight = new TreeMap<>();
        final NavigableMap<Long, A> finished = new TreeMap<>();
    }

    private final Map<TopicPartition, PartitionOffsets<A>> partitions = new HashMap<>();
    private int inFlightCount;

    /** Registers a delivered record whose extraction is now in flight. A redelivered offset replaces its handle. */
    public synchronized void begin(TopicPartition partition, long offset, A ack) {
        PartitionOffsets<A> offsets = partitions.computeIfAbsent(partition, p -> new PartitionOffsets<>());
        offsets.finished.remove(offset);
        if (offsets.inFlight.put(offset, ack) == null) {
            inFlightCount++;
        }
    }

    /**
     * Marks a record finished. Returns the handle to acknowledge now, if the committable position moved: the
     * highest finished record below the lowest still in flight.
     */
    public synchronized Optional<A> finish(TopicPartition partition, long offset) {
        PartitionOffsets<A> offsets = partitions.get(partition);
        if (offsets == null) {
            return Optional.empty();
        }
        A ack = offsets.inFlight.remove(offset);
        if (ack == null) {
            return Optional.empty();
        }
        inFlightCount--;
        offsets.finished.put(offset, ack);
        long lowestInFlight = offsets.inFlight.isEmpty() ? Long.MAX_VALUE : offsets.inFlight.firstKey();
        NavigableMap<Long, A> committable = offsets.finished.headMap(lowestInFlight, false);
        if (committable.isEmpty()) {
            return Optional.empty();
        }
        A toAck = committable.lastEntry().getValue();
        committable.clear();
        return Optional.of(toAck);
    }

    /**
     * Marks a record finished and, if the committable position moved, acknowledges it while still holding the lock.
     * Waiter threads finish records concurrently: acknowledging outside the lock could queue a lower offset's
     * commit after a higher one's and move the committed offset backwards.
     */
    public synchronized void finish(TopicPartition partition, long offset, Consumer<? super A> acknowledge) {
        finish(partition, offset).ifPresent(acknowledge);
    }

    /**
     * Ends a record the stage gave up on (dead-lettered), whether or not it was in flight. Returns whether its own
     * offset may be committed now: nothing below it on its partition is still in flight. Otherwise the
     * acknowledgement of a later record covers it.
     */
    public synchronized boolean abandon(TopicPartition partition, long offset) {
        PartitionOffsets<A> offsets = partitions.get(partition);
        if (offsets == null) {
            return true;
        }
        if (offsets.inFlight.remove(offset) != null) {
            inFlightCount--;
        }
        return offsets.inFlight.isEmpty() || offsets.inFlight.firstKey() > offset;
    }

    /** Whether the record is still in flight here (false once finished, or after its partition was revoked). */
    public synchronized boolean isInFlight(TopicPartition partition, long offset) {
        PartitionOffsets<A> offsets = partitions.get(partition);
        return offsets != null && offsets.inFlight.containsKey(offset);
    }

    /** Forgets revoked partitions: their records will be redelivered to whichever consumer owns them next. */
    public synchronized void forget(Collection<TopicPartition> revoked) {
        for (TopicPartition partition : revoked) {
            PartitionOffsets<A> removed = partitions.remove(partition);
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
