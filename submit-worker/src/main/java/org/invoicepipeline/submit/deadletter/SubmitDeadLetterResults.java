package org.invoicepipeline.submit.deadletter;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.events.DeadLetteredResults;
import org.invoicepipeline.common.kafka.DeadLetterResults;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.PartsUploaded;

/**
 * The {@code DEAD_LETTERED} results of a {@code PartsUploaded} the submit stage gives up on (unknown profile, a
 * submission the API refuses for good, retries exhausted): one per completed file, so no file of a dead-lettered
 * session is left without a terminal result. Its failed files already have FAILED results from the upload stage.
 * <p>
 * The files never reached an extraction the pipeline tracks, so the results carry no submission id and their
 * {@code result_id} is the per-session one ({@code <file_id>/<upload_session_id>}), the same on every replay.
 * A record that could not be decoded names no file.
 */
public final class SubmitDeadLetterResults implements DeadLetterResults {

    private final Clock clock;

    public SubmitDeadLetterResults(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<ExtractionResult> resultsFor(ConsumerRecord<?, ?> record, StageFailure failure) {
        if (!(record.value() instanceof PartsUploaded parts)) {
            return List.of();
        }
        DeadLetteredResults.Origin origin = new DeadLetteredResults.Origin(parts.getProfile(), parts.getBatchKey(),
                parts.getUploadSessionId(), null, null);
        return DeadLetteredResults.of(parts.getFiles(), origin, failure, clock.instant());
    }
}
