package org.invoicepipeline.upload.session;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.events.DeadLetteredResults;
import org.invoicepipeline.common.kafka.DeadLetterResults;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;
import org.invoicepipeline.upload.plan.PlannedSessionCodec;

/**
 * The DEAD_LETTERED results of a planned session the uploader gives up on (dead-lettered on
 * {@code upload-sessions-planned.DLT}): one per file of the plan, each message naming the file and the session.
 * A record that is not a readable plan names no file: no result (its dead letter is all there is).
 */
public final class PlannedSessionDeadLetterResults implements DeadLetterResults {

    private final PlannedSessionCodec codec = new PlannedSessionCodec();
    private final Clock clock;

    public PlannedSessionDeadLetterResults(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<ExtractionResult> resultsFor(ConsumerRecord<?, ?> record, StageFailure failure) {
        if (!(record.value() instanceof byte[] bytes)) {
            return List.of();
        }
        PlannedSession plan;
        try {
            plan = codec.read(bytes);
        }
        catch (RecordRejectedException e) {
            return List.of();
        }
        DeadLetteredResults.Origin origin = new DeadLetteredResults.Origin(plan.profile(), plan.batchKey(),
                plan.uploadSessionId(), null, null);
        return plan.files().stream().map(file -> DeadLetteredResults.of(SessionPublisher.fileRef(file), origin,
                error(file, plan, failure), clock.instant())).toList();
    }

    private static ErrorInfo error(PlannedFile file, PlannedSession plan, StageFailure failure) {
        return ErrorInfo.newBuilder()
                .setCode(failure.code())
                .setMessage(file.label() + " of upload session " + plan.uploadSessionId() + " (" + plan.files().size()
                        + " file(s)) was dead-lettered with its session: " + failure.message())
                .setRetryable(failure.retryable())
                .build();
    }
}
