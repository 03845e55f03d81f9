package org.invoicepipeline.sandbox.http;

/**
 * The error codes of the API's error envelope, each with the HTTP status and {@code retryable}
 * flag the contract documents for it.
 */
public enum ErrorCode {
    UNAUTHENTICATED(401, false, "Missing or invalid API key. Send Authorization: Bearer YOUR_API_KEY."),
    API_KEY_EXPIRED(401, false, "This API key has expired. Create a new key in the dashboard."),
    API_KEY_REVOKED(401, false, "This API key has been revoked. Create a new key in the dashboard."),
    INVALID_INPUT(400, false, "Request validation failed. Check details for specific issues."),
    EXTRACTION_NOT_FOUND(404, false, "No extraction with this id within your scope."),
    INTERNAL_ERROR(500, true, "An internal error occurred. Retry after a short delay."),
    SUBMISSIONS_PAUSED(503, true, "Submissions are paused for a deploy; retry in a few minutes."),
    SUBMISSION_ID_ALREADY_USED(409, false,
            "This submission_id already belongs to the extraction in details.extraction_id, and this request is not "
                    + "the one that created it: details.differing_fields lists what differs. To run a new extraction, "
                    + "submit again with a new submission_id. If you meant to retry the earlier request, do not submit "
                    + "again: get that extraction with GET /v1/extractions/{extraction_id}."),
    DUPLICATE_FILE_NAME(400, false, "Two files in this session have the same file_name."),
    DUPLICATE_FILE_ID(400, false, "Two files in this session have the same file_id."),
    FILE_TOO_LARGE(400, false, "A file exceeds the size limit for its type."),
    TOTAL_UPLOAD_SIZE_LIMIT_EXCEEDED(400, false, "The files of this session together exceed 2 GB."),
    SESSION_ALREADY_INITIALIZED(409, false, "This upload_session_id is in use with different files."),
    FILE_NOT_FOUND(404, false, "This file_id was not registered when the session was created."),
    FILE_NOT_UPLOADABLE(409, false, "The file has already been completed or aborted."),
    FILE_ABORTED(409, false, "The file was aborted; upload it in a new session."),
    INVALID_COMPLETION_PARTS(400, false, "The parts do not cover 1 to the part count with their ETags."),
    OBJECT_SIZE_MISMATCH(422, false, "The uploaded bytes differ from the declared file_size_bytes."),
    UPLOAD_ID_NOT_FOUND(409, false, "The upload session is no longer available; upload the file in a new session."),
    INSUFFICIENT_CREDITS(402, false, "Not enough available credits: every file needs at least one available credit."),
    UPLOAD_COMPLETE_FAILED(502, true, "Completing the file failed on our side; retry."),
    OUTPUT_NOT_AVAILABLE(404, false, "The output is not available: the extraction has not completed, or this output was never generated."),
    OUTPUT_EXPIRED(404, false, "The output has expired: outputs are kept for 90 days from submission."),
    EXTRACTION_IN_PROGRESS(409, false, "The extraction is still being processed; wait for it to finish, or cancel it, then delete."),
    EXTRACTION_NOT_CANCELLABLE(409, false, "The extraction has already completed or failed and cannot be cancelled."),
    NOT_FOUND(404, false, "No such endpoint."),
    FORBIDDEN(403, false, "scope=team is only available to team admins."),
    RATE_LIMITED(429, true, "Rate limit exceeded. Wait details.retry_after_seconds (also the Retry-After header), then retry.");

    private final int httpStatus;
    private final boolean retryable;
    private final String defaultMessage;

    ErrorCode(int httpStatus, boolean retryable, String defaultMessage) {
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.defaultMessage = defaultMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean retryable() {
        return retryable;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
