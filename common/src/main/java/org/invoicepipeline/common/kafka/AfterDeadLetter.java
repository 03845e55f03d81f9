package org.invoicepipeline.common.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a stage does once the error handler's recoverer has dead-lettered a record (its DEAD_LETTERED results and
 * the dead letter acknowledged), on the consumer thread, e.g. commit it itself when the container does not
 * ({@link StageErrorHandling#commitDeadLettered()} false). A failure here fails the recovery: the record is
 * delivered again (and dead-lettered again).
 */
@FunctionalInterface
public interface AfterDeadLetter {

    /** Nothing to do. */
    AfterDeadLetter NONE = (record, consumer) -> {
    };

    void deadLettered(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer);
}
