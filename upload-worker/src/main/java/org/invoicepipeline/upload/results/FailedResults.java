package org.invoicepipeline.upload.results;

import java.time.Instant;
import java.util.Map;

import org.invoicepipeline.common.events.DeadLetteredResults;
import org.invoicepipeline.common.events.ResultIds;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;

/**
 * The ExtractionResult of a file this stage gave up on, so ERP consumers hear about every registered file:
 * DEAD_LETTERED for a registration rejected before planning, FAILED for a file its session could not upload.
 */
public final class FailedResults {

    private FailedResults() {
    }

    public static ExtractionResult rejected(FileRegistered event, StageFailure failure, Instant now) {
        return ExtractionResult.newBuilder()
                .setResultId(ResultIds.forUnsubmitted(event.getFileId(), null, event.getRetryGeneration()))
                .setStatus(ResultStatus.DEAD_LETTERED)
                .setFileId(event.getFileId())
                .setFileName(event.getFileName())
                .setSourceUri(event.getSourceUri())
                .setProfile(event.getProfile())
                .setBatchKey(event.getBatchKey())
                .setAttributes(event.getAttributes())
                .setRegisteredAt(event.getRegisteredAt())
                .setError(DeadLetteredResults.errorInfo(failure))
                .setProducedAt(now)
                .setRetryGeneration(event.getRetryGeneration())
                .build();
    }

    public static ExtractionResult uploadFailed(PlannedSession session, PlannedFile file, StageFailure failure, Instant now) {
        return ExtractionResult.newBuilder()
                .setResultId(ResultIds.forUnsubmitted(file.fileId(), session.uploadSessionId(), file.retryGeneration()))
                .setStatus(ResultStatus.FAILED)
                .setFileId(file.fileId())
                .setFileName(file.originalFileName())
                .setSourceUri(file.sourceUri())
                .setProfile(session.profile())
                .setBatchKey(session.batchKey())
                .setAttributes(Map.copyOf(file.attributes()))
                .setRegisteredAt(Instant.ofEpochMilli(file.registeredAt()))
                .setUploadSessionId(session.uploadSessionId())
                .setError(DeadLetteredResults.errorInfo(failure))
                .setProducedAt(now)
                .setRetryGeneration(file.retryGeneration())
                .build();
    }
}
