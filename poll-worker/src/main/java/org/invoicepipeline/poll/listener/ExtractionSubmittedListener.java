package org.invoicepipeline.poll.listener;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.poll.inflight.OffsetCommitter;
import org.invoicepipeline.poll.wait.ExtractionWaiter;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes ExtractionSubmitted and hands each extraction to the {@link ExtractionWaiter}; returns at once, so
 * the consumer thread is never held by a long-poll. The record is committed later, when its extraction ends: this
 * method runs on the consumer thread, so it is one of the places the {@link OffsetCommitter} commits from.
 */
public class ExtractionSubmittedListener {

    /** Id of the listener container (used to pause and resume intake). */
    public static final String LISTENER_ID = "poll-worker";
    /** Bean name of the stage's container factory. */
    public static final String CONTAINER_FACTORY = "pollContainerFactory";

    private final String topic;
    private final String groupId;
    private final ExtractionWaiter waiter;
    private final IntakeThrottle throttle;
    private final OffsetCommitter committer;

    public ExtractionSubmittedListener(String topic, String groupId, ExtractionWaiter waiter, IntakeThrottle throttle,
                                       OffsetCommitter committer) {
        this.topic = topic;
        this.groupId = groupId;
        this.waiter = waiter;
        this.throttle = throttle;
        this.committer = committer;
    }

    public String getTopic() {
        return topic;
    }

    public String getGroupId() {
        return groupId;
    }

    @KafkaListener(id = LISTENER_ID, topics = "#{__listener.topic}", groupId = "#{__listener.groupId}",
            containerFactory = CONTAINER_FACTORY)
    public void onSubmitted(ConsumerRecord<String, ExtractionSubmitted> record, Consumer<?, ?> consumer) {
        waiter.watch(record);
        throttle.afterIntake();
        committer.commitIfDue(consumer);
    }
}
