package org.invoicepipeline.poll.outcome;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.events.DeadLetteredResults;
import org.invoicepipeline.common.kafka.DeadLetterResults;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ExtractionSubmitted;

import java.time.Clock;
import java.util.List;

/**
 * The {@code DEAD_LETTERED} results of an {@code ExtractionSubmitted} the stage's error handler gives up on (its
 * handling failed on the consumer thread until the retries ran out): one per file, with the submission and
 * extraction ids, so {@code result_id} is {@code <file_id>/<submission_id>}. Undecodable records name no file. The
 * extractions the waiter gives up on do not come here: {@link OutcomePublisher#giveUp} publishes a FAILED
 * completion for them instead.
 */
public final class PollDeadLetterResults implements DeadLetterResults {

    private final Clock clock;

    public PollDeadLetterResults(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<ExtractionResult> resultsFor(ConsumerRecord<?, ?> record, StageFailure failure) {
        if (!(record.value() instanceof ExtractionSubmitted submitted)) {
            return List.of();
        }
        DeadLetteredResults.Origin origin = new DeadLetteredResults.Origin(submitted.getProfile(),
                submitted.getBatchKey(), submitted.getUploadSessionId(), submitted.getSubmissionId(),
                submitted.getExtractionId());
        return DeadLetteredResults.of(submitted.getFiles(), origin, failure, clock.instant());
    }
}
