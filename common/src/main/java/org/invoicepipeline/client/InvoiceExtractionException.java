package org.invoicepipeline.client;

/** Base of every failure the client reports. Messages never contain the API key or a signed URL's query string. */
public class InvoiceExtractionException extends RuntimeException {

    private final Operation operation;

    public InvoiceExtractionException(Operation operation, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
    }

    /** The call that failed. */
    public Operation operation() {
        return operation;
    }

    /** Whether the same call may succeed later unchanged (after the client's own retries were spent). */
    public boolean isRetryable() {
        return false;
    }
}
