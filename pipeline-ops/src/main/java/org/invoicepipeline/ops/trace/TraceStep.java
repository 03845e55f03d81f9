package org.invoicepipeline.ops.trace;

import java.time.Instant;

/**
 * One thing that happened to a file, as one record of one topic shows it.
 *
 * @param at              the record's timestamp
 * @param step            registered, planned, uploaded, upload-failed, submitted, questions, completed, result,
 *                        dead-lettered
 * @param generation      the retry generation of the work (0 unless replayed)
 * @param status          the result / extraction status or the error code, when there is one
 * @param uploadSessionId the upload session, when known at this step
 * @param submissionId    the submission, when known at this step
 * @param extractionId    the API's extraction, when known at this step
 * @param detail          more: the error message, the result id, the answer deadline ...
 * @param record          where the record is: {@code <topic>-<partition>@<offset>}
 */
public record TraceStep(Instant at, String step, int generation, String status, String uploadSessionId,
                        String submissionId, String extractionId, String detail, String record) {
}
