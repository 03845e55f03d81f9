package org.invoicepipeline.client;

/**
 * No HTTP answer: connection refused or dropped, or a timeout. The server may or may not have acted on the
 * request; every call of this client is idempotent, so it was retried before this was thrown.
 */
public class ApiTransportException extends InvoiceExtractionException {

    public ApiTransportException(Operation operation, String message, Throwable cause) {
        super(operation, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
