package org.invoicepipeline.poll.listener;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.poll.wait.ExtractionWaiter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Consumes ExtractionSubmitted and hands each extraction to the {@link ExtractionWaiter}; returns at once, so
 * the consumer thread is never held by a long-poll. The record is acknowledged later, when its extraction ends.
 */
public class ExtractionSubmittedListener {

    /** Id of the listener container (used to pause and resume intake). */
    public static final String LISTENER_ID = "poll-worker";

    private final ExtractionWaiter waiter;
    private final IntakeThrottle throttle;

    public ExtractionSubmittedListener(ExtractionWaiter waiter, IntakeThrottle throttle) {
        this.waiter = waiter;
        this.throttle = throttle;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${pipeline.poll.topics.extraction-submitted:extraction-submitted}",
            groupId = "${pipeline.poll.group-id:poll-worker}",
            concurrency = "${pipeline.poll.concurrency:1}", containerFactory = "kafkaListenerContainerFactory")
    public void onSubmitted(ConsumerRecord<String, ExtractionSubmitted> record, Acknowledgment ack) {
        waiter.watch(record, ack);
        throttle.afterIntake();
    }
}
