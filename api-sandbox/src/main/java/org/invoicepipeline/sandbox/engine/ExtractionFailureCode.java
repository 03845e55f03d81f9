package org.invoicepipeline.sandbox.engine;

/** Why an extraction failed (the contract's ExtractionFailureCode), with its {@code retryable} flag. */
public enum ExtractionFailureCode {
    INSUFFICIENT_CREDITS(false),
    FILE_PAGE_LIMIT_EXCEEDED(false),
    ENCRYPTED_FILE(false),
    CONCURRENT_TASK_LIMIT(true),
    NO_PAGES_FOUND(false),
    VALIDATION_FAILED(false),
    PROMPT_REJECTED(false),
    PROMPT_UNCLEAR(false),
    FILE_SIZE_LIMIT_EXCEEDED(false),
    PROCESSING_FILE_SIZE_LIMIT_EXCEEDED(false),
    SUBMISSION_STALLED(true),
    INTERNAL_ERROR(true);

    private final boolean retryable;

    ExtractionFailureCode(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
