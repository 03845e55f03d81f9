package org.invoicepipeline.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.ResultStatus;

/**
 * The terminal {@code ExtractionResult}s of files whose record a stage gave up on, so ERP consumers hear about
 * every file even when its record ends on a dead-letter topic. The result id follows {@link ResultIds}: per
 * submission once the files were submitted, per upload session before.
 */
public final class DeadLetteredResults {

    /**
     * Where in the pipeline the files were when their record was given up on.
     *
     * @param profile         the extraction profile
     * @param batchKey        the batch key, or {@code null}
     * @param uploadSessionId the upload session, or {@code null} before one was planned
     * @param submissionId    the submission, or {@code null} before the files were submitted
     * @param extractionId    the API's extraction, or {@code null}
     */
    public record Origin(String profile, String batchKey, String uploadSessionId, String submissionId,
                         String extractionId) {
    }

    private DeadLetteredResults() {
    }

    /** One {@code DEAD_LETTERED} result per file, each carrying the stage's {@code failure}. */
    public static List<ExtractionResult> of(List<FileRef> files, Origin origin, StageFailure failure, Instant now) {
        return of(files, origin, errorInfo(failure), now);
    }

    /** The {@code ErrorInfo} a result carries for a stage's failure: its code, message and retryability. */
    public static ErrorInfo errorInfo(StageFailure failure) {
        return ErrorInfo.newBuilder()
                .setCode(failure.code())
                .setMessage(failure.message())
                .setRetryable(failure.retryable())
                .build();
    }

    /** One {@code DEAD_LETTERED} result per file, each carrying {@code error}. */
    public static List<ExtractionResult> of(List<FileRef> files, Origin origin, ErrorInfo error, Instant now) {
        return files.stream().map(file -> of(file, origin, error, now)).toList();
    }

    /** The {@code DEAD_LETTERED} result of one file. */
    public static ExtractionResult of(FileRef file, Origin origin, ErrorInfo error, Instant now) {
        String resultId = origin.submissionId() != null
                ? ResultIds.forSubmission(file.getFileId(), origin.submissionId(), file.getRetryGeneration())
                : ResultIds.forUnsubmitted(file.getFileId(), origin.uploadSessionId(), file.getRetryGeneration());
        return ExtractionResult.newBuilder()
                .setResultId(resultId)
                .setStatus(ResultStatus.DEAD_LETTERED)
                .setFileId(file.getFileId())
                .setFileName(file.getOriginalFileName())
                .setSourceUri(file.getSourceUri())
                .setProfile(origin.profile())
                .setBatchKey(origin.batchKey())
                .setAttributes(Map.copyOf(file.getAttributes()))
                .setRegisteredAt(file.getRegisteredAt())
                .setUploadSessionId(origin.uploadSessionId())
                .setSubmissionId(origin.submissionId())
                .setExtractionId(origin.extractionId())
                .setError(error)
                .setProducedAt(now)
                .setRetryGeneration(file.getRetryGeneration())
                .build();
    }
}
