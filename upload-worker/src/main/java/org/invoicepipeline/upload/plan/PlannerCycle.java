package org.invoicepipeline.upload.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.upload.UploadMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one life of the planner's consumer and producer: what was read, what waits to be written, and
 * the flushes that write it together with the consumed offsets in one transaction.
 * <p>
 * Offsets never pass a registration that is not in a committed plan or dead letter, on any failure path: the
 * offsets of a flush only pass the groups written in the same transaction; groups taken by a flush stay in the
 * buffer's accounting until it commits; and once a flush (or anything else in this life) has failed, the cycle
 * never flushes again, so neither the revocation that closing the consumer triggers nor a rebalance can commit
 * on a producer that aborted what was taken. The planner then starts a new life from the committed offsets.
 */
final class PlannerCycle implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(PlannerCycle.class);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final String plannedTopic;
    private final RegistrationIntake intake;
    private final SessionBuffer buffer;
    private final PlannedFiles plannedFiles;
    private final Runnable onAssigned;
    private final BooleanSupplier running;
    private final UploadMetrics metrics;
    private final Clock clock;
    private final PlannedSessionCodec codec = new PlannedSessionCodec();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final List<ProducerRecord<String, byte[]>> pendingSends = new ArrayList<>();
    private boolean failed;

    PlannerCycle(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, String plannedTopic,
                 RegistrationIntake intake, SessionBuffer buffer, PlannedFiles plannedFiles, Runnable onAssigned,
                 BooleanSupplier running, UploadMetrics metrics, Clock clock) {
        this.consumer = consumer;
        this.producer = producer;
        this.plannedTopic = plannedTopic;
        this.intake = intake;
        this.buffer = buffer;
        this.plannedFiles = plannedFiles;
        this.onAssigned = onAssigned;
        this.running = running;
        this.metrics = metrics;
        this.clock = clock;
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        intake.take(record, pendingSends);
    }

    /** Something in this life failed: nothing is flushed or committed any more. */
    void fail() {
        failed = true;
    }

    /** Writes what is due (everything when {@code everything}) with the offsets, in one transaction. */
    void flush(boolean everything) {
        if (failed) {
            throw new IllegalStateException("an earlier failure ended this planner cycle; it restarts from the"
                    + " committed offsets");
        }
        try {
            write(everything);
        }
        catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    private void write(boolean everything) {
        List<SessionBuffer.Group> due = buffer.takeDue(clock.millis(), everything);
        Map<TopicPartition, OffsetAndMetadata> offsets = safeOffsets(due);
        if (due.isEmpty() && pendingSends.isEmpty() && offsets.isEmpty()) {
            return;
        }
        List<PlannedSession> plans = due.stream().map(group -> SessionPlans.plan(group, clock.millis())).toList();
        producer.beginTransaction();
        try {
            for (PlannedSession plan : plans) {
                producer.send(new ProducerRecord<>(plannedTopic, plan.uploadSessionId(), codec.write(plan)));
            }
            pendingSends.forEach(producer::send);
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            }
            producer.commitTransaction();
        }
        catch (RuntimeException e) {
            try {
                producer.abortTransaction();
            }
            catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
        buffer.confirm(due);
        offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        plans.forEach(plannedFiles::add);
        plans.forEach(plan -> {
            metrics.sessionPlanned();
            log.info("planned upload session {} ({} file(s), {} bytes, profile {}, batch {})", plan.uploadSessionId(),
                    plan.files().size(), plan.totalBytes(), plan.profile(), plan.batchKey());
        });
        pendingSends.clear();
    }

    /**
     * Per partition, the offset below which nothing waits any more once {@code committedWith} (written in the same
     * transaction) is committed, where it moved since the last commit.
     */
    private Map<TopicPartition, OffsetAndMetadata> safeOffsets(List<SessionBuffer.Group> committedWith) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsets.forEach((partition, next) -> {
            long safe = buffer.lowestWaitingOffset(partition, committedWith).orElse(next);
            if (!Long.valueOf(safe).equals(committed.get(partition))) {
                offsets.put(partition, new OffsetAndMetadata(safe));
            }
        });
        return offsets;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (running.getAsBoolean() && !failed && !partitions.isEmpty()) {
            flush(true);
        }
        else {
            buffer.clear();
            pendingSends.clear();
        }
        partitions.forEach(p -> {
            nextOffsets.remove(p);
            committed.remove(p);
        });
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // positions come from the committed offsets; fetching them waits for a previous owner's pending
        // transaction, whose plans the plan log then shows: read them before this owner's first record
        if (running.getAsBoolean() && !partitions.isEmpty()) {
            partitions.forEach(consumer::position);
            onAssigned.run();
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        throw new IllegalStateException("planner lost partitions " + partitions + "; starting over");
    }
}
