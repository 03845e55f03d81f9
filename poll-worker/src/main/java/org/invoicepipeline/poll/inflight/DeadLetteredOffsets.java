package org.invoicepipeline.poll.inflight;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.common.kafka.AfterDeadLetter;

/**
 * The stage's step after the error handler dead-letters a record (a poison record never reaches the listener, so
 * it was never in flight): the record is ended in {@link InFlightOffsets} and committed at once through the
 * {@link OffsetCommitter}: past it when nothing below it on its partition is still in flight, otherwise recorded
 * in the commit's metadata as done. Without this, a poison record last on its partition would be dead-lettered
 * again after every restart (the container commits nothing itself).
 */
public final class DeadLetteredOffsets implements AfterDeadLetter {

    private final InFlightOffsets offsets;
    private final OffsetCommitter committer;

    public DeadLetteredOffsets(InFlightOffsets offsets, OffsetCommitter committer) {
        this.offsets = offsets;
        this.committer = committer;
    }

    @Override
    public void deadLettered(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer) {
        offsets.abandon(new TopicPartition(record.topic(), record.partition()), record.offset());
        // Already dead-lettered: if this commit fails, at worst it is dead-lettered again after a restart.
        committer.commitNow(consumer);
    }
}
