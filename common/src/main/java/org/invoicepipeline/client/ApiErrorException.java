package org.invoicepipeline.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;

/**
 * The API answered with an error envelope (or an error status without one). Carries the error code, the
 * HTTP status, the API's {@code retryable} flag, {@code details} and the Retry-After the API asked for.
 */
public class ApiErrorException extends InvoiceExtractionException {

    private final int httpStatus;
    private final String code;
    private final boolean retryable;
    private final transient JsonNode details;
    private final Duration retryAfter;

    public ApiErrorException(Operation operation, int httpStatus, String code, String message, boolean retryable,
                             JsonNode details, Duration retryAfter) {
        super(operation, operation.operationId() + " failed: HTTP " + httpStatus + " " + code + ": " + message, null);
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryable = retryable;
        this.details = details;
        this.retryAfter = retryAfter;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The error code exactly as the API sent it (e.g. {@code SUBMISSION_ID_ALREADY_USED}). */
    public String code() {
        return code;
    }

    public ApiErrorCode errorCode() {
        return ApiErrorCode.fromCode(code);
    }

    /** The API's {@code retryable} flag (for statuses without an envelope: true for 429 and 5xx). */
    @Override
    public boolean isRetryable() {
        return retryable;
    }

    /** The error's {@code details} object, or a missing/null node. */
    public Optional<JsonNode> details() {
        return Optional.ofNullable(details).filter(d -> !d.isNull() && !d.isMissingNode());
    }

    /** The wait the API asked for (Retry-After header, else {@code details.retry_after_seconds}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
