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

    private final ExtractionWaiter waiter;
    private final IntakeThrottle throttle;
    private final OffsetCommitter committer;

    public ExtractionSubmittedListener(ExtractionWaiter waiter, IntakeThrottle throttle, OffsetCommitter committer) {
        this.waiter = waiter;
        this.throttle = throttle;
        this.committer = committer;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${pipeline.poll.topics.extraction-submitted:extraction-submitted}",
            groupId = "${pipeline.poll.group-id:poll-worker}",
            concurrency = "${pipeline.poll.concurrency:1}", containerFactory = "kafkaListenerContainerFactory")
    public void onSubmitted(ConsumerRecord<String, ExtractionSubmitted> record, Consumer<?, ?> consumer) {
        waiter.watch(record);
        throttle.afterIntake();
        committer.commitIfDue(consumer);
    }
}
