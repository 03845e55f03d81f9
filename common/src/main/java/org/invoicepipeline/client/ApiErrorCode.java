package org.invoicepipeline.client;

/**
 * The error codes an API error envelope can carry. {@link #UNRECOGNISED} stands for a code this client does
 * not know yet (the raw code stays available on the exception) and for answers that carried no envelope.
 */
public enum ApiErrorCode {
    UNAUTHENTICATED,
    API_KEY_EXPIRED,
    API_KEY_REVOKED,
    INVALID_INPUT,
    EXTRACTION_NOT_FOUND,
    INTERNAL_ERROR,
    SUBMISSIONS_PAUSED,
    SUBMISSION_ID_ALREADY_USED,
    DUPLICATE_FILE_NAME,
    DUPLICATE_FILE_ID,
    FILE_TOO_LARGE,
    TOTAL_UPLOAD_SIZE_LIMIT_EXCEEDED,
    SESSION_ALREADY_INITIALIZED,
    FILE_NOT_FOUND,
    FILE_NOT_UPLOADABLE,
    FILE_ABORTED,
    INVALID_COMPLETION_PARTS,
    OBJECT_SIZE_MISMATCH,
    UPLOAD_ID_NOT_FOUND,
    INSUFFICIENT_CREDITS,
    UPLOAD_COMPLETE_FAILED,
    OUTPUT_NOT_AVAILABLE,
    OUTPUT_EXPIRED,
    EXTRACTION_IN_PROGRESS,
    EXTRACTION_NOT_CANCELLABLE,
    NOT_FOUND,
    FORBIDDEN,
    RATE_LIMITED,
    FILE_LINK_UNREADABLE,
    UNRECOGNISED;

    public static ApiErrorCode fromCode(String code) {
        if (code == null) {
            return UNRECOGNISED;
        }
        try {
            return valueOf(code);
        } catch (IllegalArgumentException unknown) {
            return UNRECOGNISED;
        }
    }
}
