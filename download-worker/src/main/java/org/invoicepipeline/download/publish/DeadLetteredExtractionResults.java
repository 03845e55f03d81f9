package org.invoicepipeline.download.publish;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.events.DeadLetteredResults;
import org.invoicepipeline.common.kafka.DeadLetterResults;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionResult;

import java.time.Clock;
import java.util.List;

/**
 * The {@code DEAD_LETTERED} result of every file of an ExtractionCompleted the stage gives up on, so a dead letter
 * on {@code extraction-completed.DLT} never leaves its files without a terminal result. The result id is the one
 * an {@code EXTRACTED} result would have had ({@code <file_id>/<submission_id>}). An undecodable record names no
 * files: none.
 */
public final class DeadLetteredExtractionResults implements DeadLetterResults {

    private final Clock clock;

    public DeadLetteredExtractionResults(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<ExtractionResult> resultsFor(ConsumerRecord<?, ?> record, StageFailure failure) {
        if (!(record.value() instanceof ExtractionCompleted completed)) {
            return List.of();
        }
        DeadLetteredResults.Origin origin = new DeadLetteredResults.Origin(completed.getProfile(),
                completed.getBatchKey(), completed.getUploadSessionId(), completed.getSubmissionId(),
                completed.getExtractionId());
        return DeadLetteredResults.of(completed.getFiles(), origin, failure, clock.instant());
    }
}
