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
     * As {@link #forUnsubmitted(String, String)} for work of retry generation {@code generation}: a replayed file
     * refused before any session ({@code uploadSessionId} null) gets {@code "<file_id>/-#N"}, so it does not
     * repeat the id of the earlier generation's result; with a session the session id already differs.
     */
    public static String forUnsubmitted(String fileId, String uploadSessionId, int generation) {
        return uploadSessionId == null && generation > 0
                ? forUnsubmitted(fileId, "-" + RetryGenerations.SEPARATOR + generation)
                : forUnsubmitted(fileId, uploadSessionId);
    }
}
