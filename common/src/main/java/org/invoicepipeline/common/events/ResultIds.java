package org.invoicepipeline.common.events;

import java.util.Objects;

/**
 * Deterministic {@code ExtractionResult.result_id}s, so consumers can de-duplicate redelivered results.
 */
public final class ResultIds {

    private ResultIds() {
    }

    /** The result of file {@code fileId} in submission {@code submissionId}: {@code "<file_id>/<submission_id>"}. */
    public static String forSubmission(String fileId, String submissionId) {
        return Objects.requireNonNull(fileId, "fileId") + "/" + Objects.requireNonNull(submissionId, "submissionId");
    }

    /**
     * The result of a file that never reached a submission (upload failed, dead-lettered before submission):
     * {@code "<file_id>/<upload_session_id>"}, or {@code "<file_id>/-"} when no session was created.
     */
    public static String forUnsubmitted(String fileId, String uploadSessionId) {
        return Objects.requireNonNull(fileId, "fileId") + "/" + (uploadSessionId == null ? "-" : uploadSessionId);
    }

    /**
     * As {@link #forSubmission(String, String)} for work of retry generation {@code generation}: generation 0
     * keeps the id of before, generation N > 0 appends {@code "#N"}, so a replayed file's result never repeats the
     * id of the result it supersedes (a replay of a later stage reuses the submission and its id).
     */
    public static String forSubmission(String fileId, String submissionId, int generation) {
        return withGeneration(forSubmission(fileId, submissionId), generation);
    }

    /** As {@link #forUnsubmitted(String, String)} for work of retry generation {@code generation} ({@code "#N"}). */
    public static String forUnsubmitted(String fileId, String uploadSessionId, int generation) {
        return withGeneration(forUnsubmitted(fileId, uploadSessionId), generation);
    }

    private static String withGeneration(String resultId, int generation) {
        return generation == 0 ? resultId : resultId + RetryGenerations.SEPARATOR + generation;
    }
}
