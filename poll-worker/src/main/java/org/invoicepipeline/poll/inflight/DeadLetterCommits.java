package org.invoicepipeline.poll.inflight;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;

import java.util.Collection;
import java.util.List;

/**
 * The stage's error handler, with one addition: a record it dead-letters (a poison record never reaches the
 * listener, so it was never in flight) is ended in {@link InFlightOffsets} and committed at once through the
 * {@link OffsetCommitter}: past it when nothing below it on its partition is still in flight, otherwise recorded
 * in the commit's metadata as done. Without this, a poison record last on its partition would be dead-lettered
 * again after every restart.
 */
public final class DeadLetterCommits implements CommonErrorHandler {

    private final CommonErrorHandler delegate;
    private final InFlightOffsets offsets;
    private final OffsetCommitter committer;

    public DeadLetterCommits(CommonErrorHandler delegate, InFlightOffsets offsets, OffsetCommitter committer) {
        this.delegate = delegate;
        this.offsets = offsets;
        this.committer = committer;
    }

    @Override
    public void handleRemaining(Exception thrownException, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
                                MessageListenerContainer container) {
        // Returns normally only when the first record was recovered (dead-lettered); a retry throws.
        delegate.handleRemaining(thrownException, records, consumer, container);
        ConsumerRecord<?, ?> recovered = records.get(0);
        offsets.abandon(new TopicPartition(recovered.topic(), recovered.partition()), recovered.offset());
        // Already dead-lettered: if this commit fails, at worst it is dead-lettered again after a restart.
        committer.commitNow(consumer);
    }

    @Override
    public boolean seeksAfterHandling() {
        return delegate.seeksAfterHandling();
    }

    @Override
    public boolean deliveryAttemptHeader() {
        return delegate.deliveryAttemptHeader();
    }

    @Override
    public int deliveryAttempt(TopicPartitionOffset topicPartitionOffset) {
        return delegate.deliveryAttempt(topicPartitionOffset);
    }

    @Override
    public void handleOtherException(Exception thrownException, Consumer<?, ?> consumer,
                                     MessageListenerContainer container, boolean batchListener) {
        delegate.handleOtherException(thrownException, consumer, container, batchListener);
    }

    @Override
    public boolean handleOne(Exception thrownException, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer,
                             MessageListenerContainer container) {
        return delegate.handleOne(thrownException, record, consumer, container);
    }

    @Override
    public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
                            MessageListenerContainer container, Runnable invokeListener) {
        delegate.handleBatch(thrownException, data, consumer, container, invokeListener);
    }

    @Override
    public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(Exception thrownException,
            ConsumerRecords<?, ?> data, Consumer<?, ?> consumer, MessageListenerContainer container,
            Runnable invokeListener) {
        return delegate.handleBatchAndReturnRemaining(thrownException, data, consumer, container, invokeListener);
    }

    @Override
    public void clearThreadState() {
        delegate.clearThreadState();
    }

    @Override
    public boolean isAckAfterHandle() {
        return delegate.isAckAfterHandle();
    }

    @Override
    public void setAckAfterHandle(boolean ack) {
        delegate.setAckAfterHandle(ack);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                     Runnable publishPause) {
        delegate.onPartitionsAssigned(consumer, partitions, publishPause);
    }
}
