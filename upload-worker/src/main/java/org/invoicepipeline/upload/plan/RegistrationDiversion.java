package org.invoicepipeline.upload.plan;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.invoicepipeline.upload.validation.ValidatedFile;

/**
 * A hook of the planner between validation and the buffer: it may take a valid file out of planning (it is then
 * not uploaded), adding what records its decision to the sends of the next transaction, which also commits the
 * registration's offset. Called on the planner thread only.
 */
@FunctionalInterface
public interface RegistrationDiversion {

    /** Nothing is diverted. */
    RegistrationDiversion NONE = (record, file, sends) -> false;

    /**
     * True when {@code file} is not to be planned; its records are added to {@code sends}. Throws
     * {@link Unavailable} when it cannot decide now (its state cannot be read): the planner then starts over from
     * the committed offsets instead of rejecting the file.
     */
    boolean divert(ConsumerRecord<String, byte[]> record, ValidatedFile file, List<ProducerRecord<String, byte[]>> sends);

    /** The diversion's state cannot be read now: an infrastructure failure, never the file's fault. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
