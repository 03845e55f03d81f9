package org.invoicepipeline.common.kafka;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.events.ExtractionResult;

/**
 * What a stage publishes besides the dead letter when it gives up on a record that concerns files: one
 * {@code DEAD_LETTERED} result per file (see {@code DeadLetteredResults}), so a dead letter never leaves a file
 * without a terminal result. The stage's error handler publishes them to the results topic, keyed by
 * {@code file_id}, and waits for the broker before it writes the dead letter and commits.
 */
@FunctionalInterface
public interface DeadLetterResults {

    /** For stages whose records name no files. */
    DeadLetterResults NONE = (record, failure) -> List.of();

    /**
     * The results for {@code record}, which the stage gives up on with {@code failure}.
     *
     * @param record the record: its value decoded, or raw bytes (or {@code null}) when it could not be decoded
     * @return one result per file the record names; empty when it names none or cannot be read
     */
    List<ExtractionResult> resultsFor(ConsumerRecord<?, ?> record, StageFailure failure);
}
