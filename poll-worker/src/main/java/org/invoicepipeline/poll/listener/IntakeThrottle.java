package org.invoicepipeline.poll.listener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.function.IntSupplier;

/**
 * Pauses the consumer while too many extractions are in flight and resumes it when half of the room is free
 * again. The paused consumer keeps polling (it stays in the group); it just receives no records.
 */
public final class IntakeThrottle {

    private static final Logger log = LoggerFactory.getLogger(IntakeThrottle.class);

    private final KafkaListenerEndpointRegistry registry;
    private final String listenerId;
    private final int maxInFlight;
    private final IntSupplier inFlight;

    public IntakeThrottle(KafkaListenerEndpointRegistry registry, String listenerId, int maxInFlight, IntSupplier inFlight) {
        this.registry = registry;
        this.listenerId = listenerId;
        this.maxInFlight = maxInFlight;
        this.inFlight = inFlight;
    }

    /** After a record was taken in. */
    public void afterIntake() {
        MessageListenerContainer container = registry.getListenerContainer(listenerId);
        if (container != null && !container.isPauseRequested() && inFlight.getAsInt() >= maxInFlight) {
            log.info("{} extractions in flight; pausing intake", inFlight.getAsInt());
            container.pause();
        }
    }

    /** After an extraction ended. */
    public void afterRelease() {
        MessageListenerContainer container = registry.getListenerContainer(listenerId);
        if (container != null && container.isPauseRequested() && inFlight.getAsInt() <= maxInFlight / 2) {
            log.info("{} extractions in flight; resuming intake", inFlight.getAsInt());
            container.resume();
        }
    }
}
